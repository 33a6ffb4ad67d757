using Gangway.Data;

namespace Gangway.Monitoring.Drift;

/// <summary>
/// Which drift test decides a column when the spec does not force one, as Evidently's default: a numeric column whose
/// reference has more than 5 distinct values is compared as numbers, anything else (text, or at most 5 distinct
/// values) as categories. With at most 1,000 current rows the statistical tests decide (<c>ks</c> for numbers,
/// <c>chi2</c> for categories); above that the distances do (<c>wasserstein</c>, <c>jensen_shannon</c>), because a
/// test on a large sample flags differences too small to matter.
/// </summary>
public static class DriftMethodRule
{
    /// <summary>The largest current sample compared with a statistical test.</summary>
    public const long SmallSampleRows = 1_000;

    /// <summary>The most distinct reference values a numeric column may have and still be compared as categories.</summary>
    public const int CategoricalDistinctValues = 5;

    /// <summary>How a column is compared: as numbers when it is numeric with more than 5 distinct reference values.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="referenceDistinctValues">How many distinct present values the reference has.</param>
    public static DriftColumnKind KindOf(ColumnType type, int referenceDistinctValues) =>
        type == ColumnType.Numeric && referenceDistinctValues > CategoricalDistinctValues ? DriftColumnKind.Numeric : DriftColumnKind.Categorical;

    /// <summary>The test that decides a column of <paramref name="kind"/> for a current sample of <paramref name="currentRows"/> rows.</summary>
    public static string MethodFor(DriftColumnKind kind, long currentRows) => (kind, currentRows <= SmallSampleRows) switch
    {
        (DriftColumnKind.Numeric, true) => "ks",
        (DriftColumnKind.Numeric, false) => "wasserstein",
        (_, true) => "chi2",
        _ => "jensen_shannon",
    };
}
