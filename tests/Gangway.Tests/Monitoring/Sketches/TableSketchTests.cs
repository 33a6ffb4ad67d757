using Gangway.Data;
using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring.Sketches;

public class TableSketchTests
{
    private static Table Passengers() => new(
        new NumericColumn("Pclass", [3, 1, 3, 2, 3, double.NaN]),
        new NumericColumn("Age", [22, 38, 26, double.NaN, 35, 54]),
        new TextColumn("Sex", ["male", "female", "female", null, "male", "male"]),
        new TextColumn("Ignored", ["a", "b", "c", "d", "e", "f"]));

    private static TableSketch Empty() => new([("Pclass", ColumnType.Numeric), ("Age", ColumnType.Numeric), ("Sex", ColumnType.Text)]);

    [Fact]
    public void Add_Table_SketchesEachColumnByType()
    {
        var sketch = Empty();

        sketch.Add(Passengers());

        Assert.Equal(6, sketch.RowCount);
        Assert.Equal(["Pclass", "Age", "Sex"], sketch.Columns);
        Assert.Equal(ColumnType.Numeric, sketch.ColumnTypeOf("Age"));
        Assert.Equal(ColumnType.Text, sketch.ColumnTypeOf("Sex"));
        var age = sketch.Numeric("Age");
        Assert.Equal([22.0, 26, 35, 38, 54], age.Values.ToArray());
        Assert.Equal(1, age.Missing);
        var sex = sketch.Categories("Sex");
        Assert.Equal(new Dictionary<string, double> { ["female"] = 2, ["male"] = 3 }, sex.Counts);
        Assert.Equal(1, sex.Missing);
    }

    [Fact]
    public void Categories_NumericColumnWithFewValues_FormattedValueCounts()
    {
        var sketch = TableSketch.Of(Passengers());

        var pclass = sketch.Categories("Pclass");

        Assert.Equal(new Dictionary<string, double> { ["1"] = 1, ["2"] = 1, ["3"] = 3 }, pclass.Counts);
        Assert.Equal(1, pclass.Missing);
    }

    [Fact]
    public void Categories_NumericColumnWithManyValues_QuantileSketchValuesWeighted()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i * 0.5).ToArray();
        var sketch = TableSketch.Of(new Table(new NumericColumn("Fare", values)));

        var fare = sketch.Categories("Fare");

        Assert.Equal(10_000, fare.Total);
        Assert.InRange(fare.Counts.Count, TableSketch.NumericCategoryLimit + 1, 3 * KllSketch.DefaultK + 50);
        Assert.All(fare.Counts.Keys, key => Assert.Contains(double.Parse(key, System.Globalization.CultureInfo.InvariantCulture), values));
    }

    [Fact]
    public void Add_TableLackingAColumn_CountsEveryRowMissing()
    {
        var sketch = Empty();

        sketch.Add(Passengers().Without(["Sex"]));

        Assert.Equal(6, sketch.Categories("Sex").Missing);
        Assert.Equal(0, sketch.Categories("Sex").Total);
        Assert.Equal(6, sketch.RowCount);
    }

    [Fact]
    public void Add_ColumnOfAnotherType_ThrowsNamingItAndAddsNothing()
    {
        var sketch = Empty();
        var table = Passengers().Without(["Age"]).With(new TextColumn("Age", ["1", "2", "3", "4", "5", "6"]));

        var ex = Assert.Throws<GangwayException>(() => sketch.Add(table));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Column 'Age' is sketched as numeric but the table has it as text.", ex.Message);
        Assert.Equal(0, sketch.RowCount);
        Assert.True(sketch.Numeric("Pclass").IsEmpty);
    }

    [Fact]
    public void Add_RowByRow_SameSketchAsWholeTable()
    {
        var table = LargeTable(5_000, seed: 1);
        var whole = TableSketch.Of(table);
        var byRow = new TableSketch(table.Columns.Select(c => (c.Name, c.Type)));

        for (var row = 0; row < table.RowCount; row++)
        {
            byRow.Add(table, row);
        }

        Assert.Equal(whole.ToJson(), byRow.ToJson());
    }

    [Fact]
    public void Add_RowOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Empty().Add(Passengers(), 6));
    }

    [Fact]
    public void Merge_TwoHalves_MatchesSketchOfWholeWithinBound()
    {
        var first = LargeTable(100_000, seed: 2);
        var second = LargeTable(100_000, seed: 3);
        var merged = TableSketch.Of(first);

        merged.Merge(TableSketch.Of(second));

        Assert.Equal(200_000, merged.RowCount);
        double[] all = [.. first.GetNumeric("Age").Values, .. second.GetNumeric("Age").Values];
        var present = all.Where(v => !double.IsNaN(v)).Order().ToArray();
        var age = merged.Numeric("Age");
        Assert.Equal(all.Length - present.Length, age.Missing);
        foreach (var p in new[] { 0.1, 0.25, 0.5, 0.75, 0.9 })
        {
            var x = present[(int)(p * present.Length)];
            Assert.InRange(age.Cdf(x), p - 0.0165, p + 0.0165);
        }

        var embarked = merged.Categories("Embarked");
        Assert.True(embarked.OtherCount == 0);
        Assert.Equal(
            first.GetText("Embarked").Values.ToArray().Concat(second.GetText("Embarked").Values.ToArray()).Count(v => v == "S"),
            embarked.Counts["S"]);
        Assert.Equal(200_000, merged.Categories("Pclass").Total);
    }

    [Fact]
    public void Merge_DifferentColumns_ThrowsNamingBoth()
    {
        var sketch = Empty();
        var other = new TableSketch([("Pclass", ColumnType.Numeric), ("Fare", ColumnType.Numeric), ("Sex", ColumnType.Text)]);

        var ex = Assert.Throws<GangwayException>(() => sketch.Merge(other));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Cannot merge table sketches of different columns: this one has Pclass, Age, Sex; the other has Pclass, Fare, Sex.", ex.Message);
    }

    [Fact]
    public void Merge_DifferentType_ThrowsNamingColumn()
    {
        var sketch = Empty();
        var other = new TableSketch([("Pclass", ColumnType.Text), ("Age", ColumnType.Numeric), ("Sex", ColumnType.Text)]);

        var ex = Assert.Throws<GangwayException>(() => sketch.Merge(other));

        Assert.Equal("Cannot merge table sketches: column 'Pclass' is numeric in this one and text in the other.", ex.Message);
    }

    [Fact]
    public void ToJson_SameRowsTwice_IdenticalText()
    {
        Assert.Equal(TableSketch.Of(LargeTable(300_000, seed: 4)).ToJson(), TableSketch.Of(LargeTable(300_000, seed: 4)).ToJson());
    }

    [Fact]
    public void FromJson_RoundTrip_SameSketchThatGoesOnAlike()
    {
        var original = TableSketch.Of(LargeTable(50_000, seed: 5));
        var json = original.ToJson();

        var read = TableSketch.FromJson(json);

        Assert.Equal(json, read.ToJson());
        var more = LargeTable(20_000, seed: 6);
        original.Add(more);
        read.Add(more);
        Assert.Equal(original.ToJson(), read.ToJson());
    }

    [Fact]
    public void FromJson_Infinities_RoundTrip()
    {
        var sketch = TableSketch.Of(new Table(new NumericColumn("x", [double.NegativeInfinity, 1, double.PositiveInfinity, double.NaN])));

        var read = TableSketch.FromJson(sketch.ToJson());

        Assert.Equal([double.NegativeInfinity, 1, double.PositiveInfinity], read.Numeric("x").Values.ToArray());
        Assert.Equal(1, read.Numeric("x").Missing);
    }

    [Fact]
    public void FromJson_NewerVersion_ThrowsCorruptArtifact()
    {
        var json = Empty().ToJson().Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => TableSketch.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("format version 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    public void FromJson_Malformed_ThrowsCorruptArtifact(string json)
    {
        Assert.Equal(ErrorKind.CorruptArtifact, Assert.Throws<GangwayException>(() => TableSketch.FromJson(json)).Kind);
    }

    [Theory]
    [InlineData("\"rowCount\": 6", "\"rowCount\": 7", "has seen 6 rows")]
    [InlineData("\"count\": 5,", "\"count\": 4,", "count is 4")]
    [InlineData("\"value\": \"female\",\n            \"count\": 2", "\"value\": \"female\",\n            \"count\": 3", "add up to 6")]
    public void FromJson_InconsistentCounts_ThrowsCorruptArtifactSayingWhy(string find, string replace, string expected)
    {
        var json = TableSketch.Of(Passengers()).ToJson();
        Assert.Contains(find, json, StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => TableSketch.FromJson(json.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnTypeOf_UnknownColumn_ThrowsNotFoundListingColumns()
    {
        var ex = Assert.Throws<GangwayException>(() => Empty().ColumnTypeOf("Fare"));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal("The sketch has no column 'Fare'. Columns sketched: Pclass, Age, Sex.", ex.Message);
    }

    [Fact]
    public void Numeric_TextColumn_ThrowsInvalidInput()
    {
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<GangwayException>(() => Empty().Numeric("Sex")).Kind);
    }

    [Fact]
    public void Constructor_RepeatedName_ThrowsInvalidInput()
    {
        var ex = Assert.Throws<GangwayException>(() => new TableSketch([("a", ColumnType.Numeric), ("a", ColumnType.Text)]));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_ThenAdd_LeavesOriginalUnchanged()
    {
        var original = TableSketch.Of(Passengers());
        var json = original.ToJson();

        var copy = original.Clone();
        copy.Add(Passengers());

        Assert.Equal(json, original.ToJson());
        Assert.Equal(12, copy.RowCount);
    }

    private static Table LargeTable(int rows, int seed)
    {
        var random = new Random(seed);
        string?[] ports = ["S", "C", "Q", null];
        return new Table(
            new NumericColumn("Pclass", [.. Enumerable.Range(0, rows).Select(_ => (double)random.Next(1, 4))]),
            new NumericColumn("Age", [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.2 ? double.NaN : 30 + (14 * (random.NextDouble() - 0.5)))]),
            new TextColumn("Embarked", [.. Enumerable.Range(0, rows).Select(_ => ports[random.Next(4)])]));
    }
}
