using Gangway.Data;
using Gangway.Profiling;

namespace Gangway.Tests.Profiling;

public sealed class DataProfilerTests
{
    private static Table Sample() => new(
        new NumericColumn("Age", [1, 2, 3, 4, double.NaN]),
        new TextColumn("Sex", ["m", "f", null, "m", "f"]),
        new TextColumn("Port", ["S", "C", "S", "Q", "S"]));

    [Fact]
    public void Profile_NumericColumn_ComputesMissingRangeMeanAndSampleDeviation()
    {
        var age = DataProfiler.Profile(Sample())["Age"];

        Assert.Equal(ColumnType.Numeric, age.Type);
        Assert.Equal(5, age.RowCount);
        Assert.Equal(1, age.MissingCount);
        Assert.Equal(0.2, age.MissingRate);
        Assert.Equal(4, age.DistinctCount);
        Assert.NotNull(age.Numeric);
        Assert.Equal(1, age.Numeric.Min);
        Assert.Equal(4, age.Numeric.Max);
        Assert.Equal(2.5, age.Numeric.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), age.Numeric.StandardDeviation!.Value, 12);
    }

    [Fact]
    public void Profile_NumericColumn_QuantilesInterpolateLinearlyLikeNumpy()
    {
        // numpy.quantile([1, 2, 3, 4], p): h = 3p, so 0.25 → 1.75, 0.5 → 2.5, 0.99 → 3.97, 0.01 → 1.03.
        var summary = DataProfiler.Profile(Sample())["Age"].Numeric!;

        Assert.Equal([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99], summary.Quantiles.Select(q => q.Probability));
        Assert.Equal(1.03, summary.Quantile(0.01), 12);
        Assert.Equal(1.15, summary.Quantile(0.05), 12);
        Assert.Equal(1.75, summary.Quantile(0.25), 12);
        Assert.Equal(2.5, summary.Quantile(0.5), 12);
        Assert.Equal(3.25, summary.Quantile(0.75), 12);
        Assert.Equal(3.97, summary.Quantile(0.99), 12);
    }

    [Fact]
    public void Profile_FewNumericLevels_ListsEveryValueAscending()
    {
        var table = new Table(new NumericColumn("Pclass", [3, 1, 3, 2, 3, double.NaN]));

        var pclass = DataProfiler.Profile(table)["Pclass"];

        Assert.Equal(
            [new ValueFrequency("1", 1), new ValueFrequency("2", 1), new ValueFrequency("3", 3)],
            pclass.Frequencies);
        Assert.Equal(0, pclass.OtherCount);
    }

    [Fact]
    public void Profile_ManyNumericLevels_HasNoFrequencies()
    {
        var table = new Table(new NumericColumn("Fare", [.. Enumerable.Range(0, 21).Select(i => (double)i)]));

        var fare = DataProfiler.Profile(table)["Fare"];

        Assert.Equal(21, fare.DistinctCount);
        Assert.Null(fare.Frequencies);
    }

    [Fact]
    public void Profile_TextColumn_OrdersByCountThenOrdinalValue()
    {
        var port = DataProfiler.Profile(Sample())["Port"];

        Assert.Equal(3, port.DistinctCount);
        Assert.Null(port.Numeric);
        Assert.Equal([new ValueFrequency("S", 3), new ValueFrequency("C", 1), new ValueFrequency("Q", 1)], port.Frequencies);
    }

    [Fact]
    public void Profile_TextColumnWithManyCategories_KeepsTopFiftyAndCountsOther()
    {
        // 60 categories: "c00" appears 3 times, the rest once; 59 singletons → 49 kept, 10 counted as other.
        string?[] values = [.. Enumerable.Range(0, 60).Select(i => $"c{i:00}"), "c00", "c00", null];
        var table = new Table(new TextColumn("Name", values));

        var name = DataProfiler.Profile(table)["Name"];

        Assert.Equal(60, name.DistinctCount);
        Assert.Equal(50, name.Frequencies!.Count);
        Assert.Equal(new ValueFrequency("c00", 3), name.Frequencies[0]);
        Assert.Equal("c49", name.Frequencies[^1].Value);
        Assert.Equal(10, name.OtherCount);
        Assert.Equal(1, name.MissingCount);
    }

    [Fact]
    public void Profile_AllMissingNumeric_HasNoSummary()
    {
        var table = new Table(new NumericColumn("Age", [double.NaN, double.NaN]));

        var age = DataProfiler.Profile(table)["Age"];

        Assert.Equal(1.0, age.MissingRate);
        Assert.Null(age.Numeric);
        Assert.Empty(age.Frequencies!);
    }

    [Fact]
    public void Profile_SingleValue_HasNullStandardDeviation()
    {
        var summary = DataProfiler.Profile(new Table(new NumericColumn("Age", [7])))["Age"].Numeric!;

        Assert.Null(summary.StandardDeviation);
        Assert.All(summary.Quantiles, q => Assert.Equal(7, q.Value));
    }

    [Fact]
    public void Profile_Infinities_CountAsPresentButStayOutOfStatistics()
    {
        var table = new Table(new NumericColumn("X", [1, double.PositiveInfinity, 3, double.NegativeInfinity]));

        var profile = DataProfiler.Profile(table);
        var x = profile["X"];

        Assert.Equal(0, x.MissingCount);
        Assert.Equal(4, x.DistinctCount);
        Assert.Equal(1, x.Numeric!.Min);
        Assert.Equal(3, x.Numeric.Max);
        Assert.Equal(2, x.Numeric.Mean);
        Assert.Contains("\"Infinity\"", profile.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_EmptyTable_HasZeroMissingRate()
    {
        var profile = DataProfiler.Profile(new Table(new NumericColumn("Age", []), new TextColumn("Sex", [])));

        Assert.Equal(0, profile.RowCount);
        Assert.All(profile.Columns, c => Assert.Equal(0, c.MissingRate));
    }

    [Fact]
    public void Profile_SelectedColumns_KeepsRequestedOrder()
    {
        var profile = DataProfiler.Profile(Sample(), ["Port", "Age"]);

        Assert.Equal(["Port", "Age"], profile.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Profile_UnknownColumn_ListsColumnsPresent()
    {
        var ex = Assert.Throws<GangwayException>(() => DataProfiler.Profile(Sample(), ["Fare"]));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("'Fare'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Age, Sex, Port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupMedians_TextGroups_SkipsMissingAndInterpolates()
    {
        var table = new Table(
            new TextColumn("Class", ["a", "b", "a", "b", null, "a", "c"]),
            new NumericColumn("Fare", [1, 10, 3, 20, 99, double.NaN, double.NaN]));

        var medians = DataProfiler.GroupMedians(table, "Class", "Fare");

        Assert.Equal(["a", "b"], medians.Keys);
        Assert.Equal(2, medians["a"]);
        Assert.Equal(15, medians["b"]);
    }

    [Fact]
    public void GroupMedians_NumericGroups_KeyedByInvariantText()
    {
        var table = new Table(new NumericColumn("Pclass", [1, 1, 2.5]), new NumericColumn("Fare", [5, 7, 3]));

        var medians = DataProfiler.GroupMedians(table, "Pclass", "Fare");

        Assert.Equal(6, medians["1"]);
        Assert.Equal(3, medians["2.5"]);
    }

    [Fact]
    public void GroupMedians_TextValueColumn_Throws()
    {
        var ex = Assert.Throws<GangwayException>(() => DataProfiler.GroupMedians(Sample(), "Port", "Sex"));

        Assert.Contains("'Sex'", ex.Message, StringComparison.Ordinal);
    }
}
