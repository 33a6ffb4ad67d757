using Gangway.Data;
using Gangway.Profiling;

namespace Gangway.Tests.Profiling;

public sealed class DataProfileTests
{
    private static Table Sample() => new(
        new NumericColumn("Age", [22, double.NaN, 38, 26, 35]),
        new NumericColumn("Pclass", [3, 1, 3, 1, 3]),
        new TextColumn("Sex", ["male", "female", "female", null, "male"]));

    [Fact]
    public void ToJson_SameTable_GivesIdenticalText()
    {
        var first = DataProfiler.Profile(Sample()).WithGroupMedians(Sample(), "Pclass", "Age").ToJson();
        var second = DataProfiler.Profile(Sample()).WithGroupMedians(Sample(), "Pclass", "Age").ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToJson_MissingStatistics_WritesNullNotNaN()
    {
        var table = new Table(new NumericColumn("Only", [5]), new NumericColumn("None", [double.NaN]));

        var json = DataProfiler.Profile(table).ToJson();

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"standardDeviation\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"numeric\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RoundTrip_GivesSameJsonAndValues()
    {
        var profile = DataProfiler.Profile(Sample()).WithGroupMedians(Sample(), "Sex", "Age");

        var back = DataProfile.FromJson(profile.ToJson());

        Assert.Equal(profile.ToJson(), back.ToJson());
        Assert.Equal(ColumnType.Text, back["Sex"].Type);
        Assert.Equal(profile["Age"].Numeric!.Quantile(0.25), back["Age"].Numeric!.Quantile(0.25));
        Assert.Equal(28.5, back.FindGroupMedians("Sex", "Age")!["male"]);
    }

    [Fact]
    public void FromJson_MissingRequiredValue_ThrowsCorruptArtifact()
    {
        var json = DataProfiler.Profile(Sample()).ToJson().Replace("\"name\": \"Age\",", "", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => DataProfile.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
    }

    [Fact]
    public void FromJson_NewerFormat_SaysUpgrade()
    {
        var json = DataProfiler.Profile(Sample()).ToJson().Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => DataProfile.FromJson(json));

        Assert.Contains("Upgrade", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithGroupMedians_SamePairTwice_ReplacesEntry()
    {
        var profile = DataProfiler.Profile(Sample())
            .WithGroupMedians(Sample(), "Pclass", "Age")
            .WithGroupMedians(Sample(), "Pclass", "Age");

        var medians = Assert.Single(profile.GroupMedians).Medians;
        Assert.Equal(26, medians["1"]);
        Assert.Equal(35, medians["3"]);
        Assert.Null(profile.FindGroupMedians("Sex", "Age"));
    }

    [Fact]
    public void Indexer_UnknownColumn_ListsProfiledColumns()
    {
        var ex = Assert.Throws<GangwayException>(() => DataProfiler.Profile(Sample())["Fare"]);

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("Age, Pclass, Sex", ex.Message, StringComparison.Ordinal);
    }
}
