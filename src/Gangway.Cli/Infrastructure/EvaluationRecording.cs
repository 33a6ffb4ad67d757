using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Stores;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Records what <c>gangway evaluate</c> measured against the run whose bundle it evaluated and, for a registry
/// reference, the version: a reference names its run; a bundle file is matched to the run that holds the same bytes
/// (by SHA-256) among the newest runs of its experiment. A bundle no run holds is evaluated but not recorded.
/// </summary>
internal static class EvaluationRecording
{
    // How far back a bundle file is looked for among its experiment's runs.
    private const int RunsSearched = 1000;

    public static EvaluationRecord? Record(CliContext context, string bundlePath, ModelBundle bundle, ModelVersionRecord? version, string dataPath, BinaryClassificationReport report)
    {
        var runId = version?.RunId ?? FindRunOfBundle(context, bundlePath, bundle.Name);
        if (runId is null)
        {
            return null;
        }

        var evaluation = new NewEvaluation(
            runId, version?.Model, version?.Version, Path.GetFileName(dataPath), Hashing.Sha256File(dataPath), TrainingRuns.Scalars(report.Overall));
        var recorded = context.Store.RecordEvaluation(evaluation, Change.ByCurrentUser());
        context.Logger.RecordedEvaluation(runId, version is null ? "" : $" and {version.Reference}", context.Store.DisplayUri);
        return recorded;
    }

    /// <summary>The keys <c>--json</c> and <c>--out</c> add to the report when the evaluation was recorded.</summary>
    public static void AddTo(JsonObject document, EvaluationRecord? recorded)
    {
        if (recorded is null)
        {
            return;
        }

        document["evaluation_id"] = recorded.Id;
        document["run_id"] = recorded.RunId;
        document["version"] = recorded.VersionReference;
        document["data"] = recorded.DataName;
        document["data_sha256"] = recorded.DataSha256;
    }

    private static string? FindRunOfBundle(CliContext context, string bundlePath, string experiment)
    {
        if (!context.StoreMayExist)
        {
            context.Logger.EvaluationNotRecorded("no model store here (give --store to record against a run)");
            return null;
        }

        var sha256 = Hashing.Sha256File(bundlePath);
        var run = context.Store.ListRuns(new RunQuery(experiment, null, RunsSearched))
            .FirstOrDefault(r => r.Artifacts.Any(a => a.Name == RunArtifact.ModelBundle && a.Sha256 == sha256));
        if (run is null)
        {
            context.Logger.BundleOfNoRun(experiment, context.Store.DisplayUri);
        }

        return run?.Id;
    }
}
