using Gangway.Stores;

namespace Gangway.Registry;

/// <summary>A registered model with its versions, newest first, and the held-out evaluations of each version's run.</summary>
/// <param name="Model">The model.</param>
/// <param name="Versions">Its versions, newest first.</param>
/// <param name="EvaluationsByRun">The evaluations recorded against each version's run, newest first, by run id.</param>
public sealed record ModelVersions(
    RegisteredModel Model,
    IReadOnlyList<ModelVersionRecord> Versions,
    IReadOnlyDictionary<string, IReadOnlyList<EvaluationRecord>> EvaluationsByRun)
{
    /// <summary>Reads <paramref name="model"/>'s versions and their runs' evaluations (what <c>gangway models show</c> prints).</summary>
    public static async Task<ModelVersions> ReadAsync(IStore store, RegisteredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var versions = await store.Registry.ListVersionsAsync(model.Name, cancellationToken);
        var evaluations = new Dictionary<string, IReadOnlyList<EvaluationRecord>>(StringComparer.Ordinal);
        foreach (var runId in versions.Select(v => v.RunId).Distinct(StringComparer.Ordinal))
        {
            evaluations[runId] = await store.Runs.ListEvaluationsAsync(runId, cancellationToken);
        }

        return new ModelVersions(model, versions, evaluations);
    }

    /// <summary>The aliases that point at <paramref name="version"/>, by name.</summary>
    public IEnumerable<string> AliasesOf(int version) =>
        Model.Aliases.Where(a => a.Value == version).Select(a => a.Key).Order(StringComparer.Ordinal);
}
