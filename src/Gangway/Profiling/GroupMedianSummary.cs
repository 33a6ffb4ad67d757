namespace Gangway.Profiling;

/// <summary>The median of one numeric column within each group of another column (see <see cref="DataProfiler.GroupMedians"/>).</summary>
/// <param name="GroupColumn">The column the rows were grouped by.</param>
/// <param name="ValueColumn">The numeric column whose median was taken.</param>
/// <param name="Medians">The median per group value, keyed by the group's text (numbers formatted invariantly), sorted ordinally.</param>
public sealed record GroupMedianSummary(string GroupColumn, string ValueColumn, IReadOnlyDictionary<string, double> Medians);
