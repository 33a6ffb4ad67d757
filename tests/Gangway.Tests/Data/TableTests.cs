using Gangway.Data;

namespace Gangway.Tests.Data;

// Tables look columns up by linear search when they are narrow and through a dictionary when they are wide, so the
// behaviour is checked at both widths.
public sealed class TableTests
{
    public static TheoryData<int> Widths => [3, 40];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Indexer_EveryColumn_FindsItByName(int width)
    {
        var table = Wide(width);

        for (var i = 0; i < width; i++)
        {
            Assert.Same(table.Columns[i], table[$"c{i}"]);
            Assert.True(table.Contains($"c{i}"));
            Assert.True(table.TryGetColumn($"c{i}", out var column));
            Assert.Same(table.Columns[i], column);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Indexer_MissingColumn_ListsColumnsPresent(int width)
    {
        var table = Wide(width);

        var error = Assert.Throws<GangwayException>(() => table["C0"]);

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        var listed = string.Join(", ", table.ColumnNames.Take(20)) + (width > 20 ? $" and {width - 20} more" : "");
        Assert.Equal($"Could not find column 'C0'. Columns present: {listed}.", error.Message);
        Assert.False(table.Contains("C0"));
        Assert.False(table.TryGetColumn("C0", out _));
    }

    [Fact]
    public void Indexer_NoColumns_SaysNone()
    {
        var error = Assert.Throws<GangwayException>(() => new Table()["x"]);

        Assert.Equal("Could not find column 'x'. Columns present: (none).", error.Message);
    }

    [Fact]
    public void GetNumericAndGetText_WrongType_NameTheTypes()
    {
        var table = new Table(new NumericColumn("n", [1]), new TextColumn("t", ["a"]));

        Assert.Equal("Column 't' must hold numbers (Numeric) but holds Text.", Assert.Throws<GangwayException>(() => table.GetNumeric("t")).Message);
        Assert.Equal("Column 'n' must hold text (Text) but holds Numeric.", Assert.Throws<GangwayException>(() => table.GetText("n")).Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Constructor_RepeatedName_Throws(int width)
    {
        var columns = Wide(width).Columns.Append(new NumericColumn("c1", [0, 0])).Append(new NumericColumn("c0", [1]));

        var error = Assert.Throws<GangwayException>(() => new Table(columns));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal("Column 'c1' appears more than once.", error.Message);
    }

    [Fact]
    public void Constructor_LengthsDiffer_ReportsFirstMismatchAgainstFirstColumn()
    {
        var error = Assert.Throws<GangwayException>(() => new Table(
            new NumericColumn("a", [1, 2]), new NumericColumn("b", [1, 2]), new TextColumn("c", ["x"]), new NumericColumn("a", [1])));

        Assert.Equal("Column 'c' has 1 values but column 'a' has 2.", error.Message);
    }

    [Fact]
    public void Constructor_NoColumns_HasNoRows()
    {
        var table = new Table(Array.Empty<Column>());

        Assert.Equal(0, table.RowCount);
        Assert.Empty(table.ColumnNames);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void With_SameName_ReplacesInPlaceAndNewNameAppends(int width)
    {
        var table = Wide(width);
        var replacement = new NumericColumn("c1", [7, 8]);
        var added = new TextColumn("new", ["x", "y"]);

        var result = table.With(added, replacement);

        Assert.Equal([.. table.ColumnNames, "new"], result.ColumnNames);
        Assert.Same(replacement, result["c1"]);
        Assert.Same(added, result["new"]);
        Assert.Same(table["c0"], result["c0"]);
        Assert.Same(table["c1"], table.Columns[1]);
        Assert.Equal(2, result.RowCount);
    }

    [Fact]
    public void With_SameNameTwice_LastOneWins()
    {
        var table = new Table(new NumericColumn("a", [1]));

        var result = table.With(new NumericColumn("a", [2]), new NumericColumn("a", [3]));

        Assert.Equal(["a"], result.ColumnNames);
        Assert.Equal(3, result.GetNumeric("a")[0]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void With_NewNameTwice_Throws(int width)
    {
        var error = Assert.Throws<GangwayException>(() => Wide(width).With(new NumericColumn("z", [1, 2]), new NumericColumn("z", [3, 4])));

        Assert.Equal("Column 'z' appears more than once.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void With_WrongLength_NamesBothColumns(int width)
    {
        var table = Wide(width);

        var appended = Assert.Throws<GangwayException>(() => table.With(new NumericColumn("z", [1, 2, 3])));
        var replacedFirst = Assert.Throws<GangwayException>(() => table.With(new NumericColumn("c0", [1])));

        Assert.Equal("Column 'z' has 3 values but column 'c0' has 2.", appended.Message);
        Assert.Equal("Column 'c1' has 2 values but column 'c0' has 1.", replacedFirst.Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Select_KeepsGivenOrder(int width)
    {
        var table = Wide(width);

        var result = table.Select(["c2", "c0"]);

        Assert.Equal(["c2", "c0"], result.ColumnNames);
        Assert.Same(table["c2"], result["c2"]);
        Assert.False(result.Contains("c1"));
    }

    [Fact]
    public void Select_MissingOrRepeatedName_Throws()
    {
        var table = Wide(3);

        Assert.Equal(
            "Could not find column 'x'. Columns present: c0, c1, c2.",
            Assert.Throws<GangwayException>(() => table.Select(["c0", "x"])).Message);
        Assert.Equal("Column 'c0' appears more than once.", Assert.Throws<GangwayException>(() => table.Select(["c0", "c0"])).Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Without_DropsNamedAndIgnoresAbsent(int width)
    {
        var table = Wide(width);

        var result = table.Without(["c1", "absent"]);

        Assert.Equal(table.ColumnNames.Where(n => n != "c1"), result.ColumnNames);
        Assert.False(result.Contains("c1"));
        Assert.Same(table["c2"], result["c2"]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Take_GivenRows_KeepsNamesAndLookups(int width)
    {
        var table = Wide(width);

        var result = table.Take([1, 1, 0]);

        Assert.Equal(table.ColumnNames, result.ColumnNames);
        Assert.Equal(3, result.RowCount);
        Assert.Equal([1, 1, 0], result.GetNumeric($"c{width - 1}").Values.ToArray());
        Assert.Throws<GangwayException>(() => result["nope"]);
    }

    [Fact]
    public void RequireColumnsAndRequireRows_Missing_Throw()
    {
        var table = new Table(new NumericColumn("a", []));

        Assert.Equal(
            "Could not find column 'b'. Columns present: a.",
            Assert.Throws<GangwayException>(() => table.RequireColumns(["a", "b"])).Message);
        Assert.Equal("Cannot fit 'x': the data has no rows.", Assert.Throws<GangwayException>(() => table.RequireRows("fit 'x'")).Message);
    }

    // Columns c0..c{width-1}, each of two rows holding 0 and 1.
    private static Table Wide(int width) =>
        new(Enumerable.Range(0, width).Select(i => (Column)new NumericColumn($"c{i}", [0, 1])));
}
