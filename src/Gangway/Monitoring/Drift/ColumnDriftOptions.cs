namespace Gangway.Monitoring.Drift;

/// <summary>A column's forced drift test and threshold (the spec's <c>monitoring.drift.columns.&lt;name&gt;</c>).</summary>
/// <param name="Method">The test that decides the column (a <see cref="DriftTestCatalog"/> name), or null for <see cref="DriftMethodRule"/>'s choice.</param>
/// <param name="Threshold">The threshold of the deciding test, or null for its default; finite and positive.</param>
public sealed record ColumnDriftOptions(string? Method = null, double? Threshold = null);
