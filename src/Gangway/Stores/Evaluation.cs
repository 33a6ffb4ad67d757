namespace Gangway.Stores;

/// <summary>
/// Held-out metrics to record against the run whose bundle was evaluated and, when the bundle was a registered version,
/// against that version too (<c>gangway evaluate</c>).
/// </summary>
/// <param name="RunId">The run whose bundle was evaluated.</param>
/// <param name="Model">The registered model evaluated, or null when the bundle was not named by a registry reference.</param>
/// <param name="Version">The version of <paramref name="Model"/> evaluated, or null with it.</param>
/// <param name="DataName">The labelled data file's name (no folders: paths differ between machines).</param>
/// <param name="DataSha256">The SHA-256 of the data file's bytes, lowercase hex.</param>
/// <param name="Metrics">The metrics by name; finite numbers only.</param>
public sealed record NewEvaluation(string RunId, string? Model, int? Version, string DataName, string DataSha256, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The checks every store makes before recording, apart from what needs the store (the run and version exist).</summary>
    /// <exception cref="GangwayException">A model without a version or the reverse, a blank data name or digest, or a metric that is not a finite number (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(RunId);
        ArgumentNullException.ThrowIfNull(Metrics);
        if ((Model is null) != (Version is null))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"An evaluation of run '{RunId}' names {(Model is null ? $"version {Version} but no model" : $"model '{Model}' but no version")}; give both or neither.");
        }

        if (string.IsNullOrWhiteSpace(DataName) || string.IsNullOrWhiteSpace(DataSha256))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"An evaluation of run '{RunId}' must name its data file and the file's SHA-256.");
        }

        if (Metrics.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: not null } bad)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Evaluation metric '{bad.Key}' of run '{RunId}' must be a finite number; got {bad.Value}.");
        }
    }
}

/// <summary>A recorded evaluation.</summary>
/// <param name="Id">The evaluation's id: 32 lowercase hex digits.</param>
/// <param name="RunId">The run whose bundle was evaluated.</param>
/// <param name="Model">The registered model evaluated, or null.</param>
/// <param name="Version">The version of <paramref name="Model"/> evaluated, or null.</param>
/// <param name="DataName">The labelled data file's name.</param>
/// <param name="DataSha256">The SHA-256 of the data file's bytes.</param>
/// <param name="Metrics">The metrics by name.</param>
/// <param name="EvaluatedAt">When it was recorded.</param>
/// <param name="EvaluatedBy">Who recorded it.</param>
public sealed record EvaluationRecord(
    string Id,
    string RunId,
    string? Model,
    int? Version,
    string DataName,
    string DataSha256,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset EvaluatedAt,
    string EvaluatedBy)
{
    /// <summary>The version evaluated as a reference (<c>titanic:3</c>), or null.</summary>
    public string? VersionReference => Model is null || Version is null ? null : $"{Model}:{Version}";
}
