using Gangway.Data;

namespace Gangway.Profiling;

/// <summary>What <see cref="DataProfiler"/> learned about one column.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
/// <param name="RowCount">The number of rows.</param>
/// <param name="MissingCount">The number of missing values (NaN or null).</param>
/// <param name="MissingRate"><paramref name="MissingCount"/> / <paramref name="RowCount"/>; 0 when the table has no rows.</param>
/// <param name="DistinctCount">The number of distinct present values (text compared ordinally).</param>
/// <param name="Numeric">
/// Statistics of a numeric column; <see langword="null"/> for text, and for a numeric column with no finite value.
/// </param>
/// <param name="Frequencies">
/// Text: the <see cref="DataProfiler.MaxCategories"/> most frequent values, by count descending, ties by ordinal value.
/// Numeric: every value with its count, by value ascending, when there are at most <see cref="DataProfiler.MaxNumericLevels"/>
/// distinct values; otherwise <see langword="null"/>.
/// </param>
/// <param name="OtherCount">The number of present values not covered by <paramref name="Frequencies"/> (0 when all are).</param>
public sealed record ColumnProfile(
    string Name,
    ColumnType Type,
    int RowCount,
    int MissingCount,
    double MissingRate,
    int DistinctCount,
    NumericSummary? Numeric,
    IReadOnlyList<ValueFrequency>? Frequencies,
    int OtherCount);
