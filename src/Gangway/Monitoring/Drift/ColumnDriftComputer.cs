using Gangway.Data;

namespace Gangway.Monitoring.Drift;

/// <summary>One column's <see cref="ColumnDrift"/>: how it is compared, every applicable statistic and the deciding one.</summary>
internal static class ColumnDriftComputer
{
    public static ColumnDrift Compute(IColumnDistributions reference, IColumnDistributions current, string column, ColumnDriftOptions? forced)
    {
        var type = reference.ColumnTypeOf(column);
        var forcedTest = forced?.Method is { } name ? DriftTestCatalog.Get(name) : null;
        var kind = KindOf(reference, current, column, type, forcedTest);
        var test = forcedTest ?? DriftTestCatalog.Get(DriftMethodRule.MethodFor(kind, current.RowCount));
        var threshold = forced?.Threshold ?? test.DefaultThreshold;

        List<DriftStatistic> statistics;
        IReadOnlyList<NewCategory> newCategories = [];
        ColumnCounts referenceCounts, currentCounts;
        if (kind == DriftColumnKind.Numeric)
        {
            var (r, c) = (reference.Numeric(column), current.Numeric(column));
            statistics = [.. DriftTestCatalog.All.Where(t => t.Supports(kind)).Select(t => t.Compute(r, c))];
            (referenceCounts, currentCounts) = (new ColumnCounts(r.TotalWeight, r.Missing), new ColumnCounts(c.TotalWeight, c.Missing));
        }
        else
        {
            var (r, c) = (reference.Categories(column), current.Categories(column));
            statistics = [.. DriftTestCatalog.All.Where(t => t.Supports(kind)).Select(t => t.Compute(r, c))];
            newCategories = NewCategories(r, c);
            (referenceCounts, currentCounts) = (new ColumnCounts(r.Total, r.Missing), new ColumnCounts(c.Total, c.Missing));
        }

        var statistic = statistics.Single(s => s.Method == test.Name);
        return new ColumnDrift(column, type, kind, test.Name, threshold, test.ThresholdKind, statistic,
            statistic.IsDrift(test.ThresholdKind, threshold), statistics, newCategories, referenceCounts, currentCounts);
    }

    // A numeric column is compared as numbers only when both sides hold numbers; a forced test may switch a numeric
    // column to the other kind, but text can never be compared as numbers.
    private static DriftColumnKind KindOf(IColumnDistributions reference, IColumnDistributions current, string column, ColumnType type, IDriftTest? forced)
    {
        if (type != ColumnType.Numeric || current.ColumnTypeOf(column) != ColumnType.Numeric)
        {
            if (forced is not null && !forced.Supports(DriftColumnKind.Categorical))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration,
                    $"Drift test '{forced.Name}' compares numbers, but column '{column}' holds text on at least one side; tests for text: {string.Join(", ", DriftTestCatalog.NamesFor(DriftColumnKind.Categorical))}.");
            }

            return DriftColumnKind.Categorical;
        }

        var kind = DriftMethodRule.KindOf(type, DistinctValues(reference.Numeric(column)));
        return forced is null || forced.Supports(kind) ? kind : kind == DriftColumnKind.Numeric ? DriftColumnKind.Categorical : DriftColumnKind.Numeric;
    }

    private static int DistinctValues(NumericDistribution distribution)
    {
        var values = distribution.Values;
        var distinct = 0;
        for (var i = 0; i < values.Length && distinct <= DriftMethodRule.CategoricalDistinctValues; i++)
        {
            distinct += i == 0 || values[i] != values[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    private static List<NewCategory> NewCategories(CategoryDistribution reference, CategoryDistribution current) =>
        [.. current.Counts
            .Where(c => c.Value > 0 && !(reference.Counts.GetValueOrDefault(c.Key) > 0))
            .Select(c => new NewCategory(c.Key, c.Value / current.Total))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Category, StringComparer.Ordinal)];
}
