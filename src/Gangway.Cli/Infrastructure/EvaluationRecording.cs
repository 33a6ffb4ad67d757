using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Stores;
using Gangway.Tracking;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// What <c>gangway evaluate</c> does with the store: records the evaluation through <see cref="EvaluationRuns"/> and
/// says so in the log, or says why it was not recorded; adds the record's keys to the JSON report.
/// </summary>
internal static class EvaluationRecording
{
    public static async Task<EvaluationRecord?> RecordAsync(
        CliContext context, string bundlePath, ModelBundle bundle, ModelVersionRecord? version, string dataPath, BinaryClassificationReport report, CancellationToken cancellationToken)
    {
        string? runId;
        if (version is not null)
        {
            runId = version.RunId;
        }
        else if (!context.StoreMayExist)
        {
            context.Logger.EvaluationNotRecorded("no model store here (give --store to record against a run)");
            return null;
        }
        else
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            runId = await EvaluationRuns.FindRunOfBundleAsync(store.Runs, bundlePath, bundle.Name, cancellationToken);
            if (runId is null)
            {
                context.Logger.BundleOfNoRun(bundle.Name, store.DisplayUri);
                return null;
            }
        }

        var runs = (await context.OpenStoreAsync(cancellationToken)).Runs;
        var recorded = await EvaluationRuns.RecordAsync(runs, runId, version, dataPath, report, cancellationToken);
        context.Logger.RecordedEvaluation(runId, version is null ? "" : $" and {version.Reference}", runs.DisplayUri);
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
}
