using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Stores;

namespace Gangway.Tracking;

/// <summary>
/// Records what an evaluation measured against the run whose bundle it evaluated and, for a registry reference, the
/// version: a reference names its run; a bundle file is matched to the run that holds the same bytes (by SHA-256) among
/// the newest runs of its experiment. A bundle no run holds is evaluated but not recorded.
/// </summary>
public static class EvaluationRuns
{
    /// <summary>How far back a bundle file is looked for among its experiment's runs.</summary>
    public const int RunsSearched = 1000;

    /// <summary>
    /// The run whose artifact <see cref="RunArtifact.ModelBundle"/> has the bytes of <paramref name="bundlePath"/>, among
    /// the newest <see cref="RunsSearched"/> runs of <paramref name="experiment"/>; null when none.
    /// </summary>
    public static async Task<string?> FindRunOfBundleAsync(IRunStore runs, string bundlePath, string experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sha256 = Hashing.Sha256File(bundlePath);
        var candidates = await runs.ListRunsAsync(new RunQuery(experiment, null, RunsSearched), cancellationToken);
        return candidates.FirstOrDefault(r => r.Artifacts.Any(a => a.Name == RunArtifact.ModelBundle && a.Sha256 == sha256))?.Id;
    }

    /// <summary>Records the overall metrics of <paramref name="report"/> on <paramref name="dataPath"/> against the run and, when given, the version.</summary>
    /// <param name="runs">Where the evaluation goes.</param>
    /// <param name="runId">The run whose bundle was evaluated.</param>
    /// <param name="version">The registered version evaluated, or null for a bundle file.</param>
    /// <param name="dataPath">The labelled data (recorded by file name and SHA-256).</param>
    /// <param name="report">What the evaluation measured.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public static Task<EvaluationRecord> RecordAsync(
        IRunStore runs, string runId, ModelVersionRecord? version, string dataPath, BinaryClassificationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(report);
        var evaluation = new NewEvaluation(
            runId, version?.Model, version?.Version, Path.GetFileName(dataPath), Hashing.Sha256File(dataPath), TrainingRuns.Scalars(report.Overall));
        return runs.RecordEvaluationAsync(evaluation, Change.ByCurrentUser(), cancellationToken);
    }
}
