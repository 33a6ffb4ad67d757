using Gangway.Data;

namespace Gangway.Tests.Data;

public sealed class TableConcatTests
{
    [Fact]
    public void Concat_Parts_HoldTheirRowsOneAfterAnotherWithMissingValuesKept()
    {
        var first = new Table(new NumericColumn("x", [1, double.NaN]), new TextColumn("s", ["a", null]));
        var second = new Table(new NumericColumn("x", [3]), new TextColumn("s", ["c"]));

        var joined = Table.Concat([first, second]);

        Assert.Equal(["x", "s"], joined.ColumnNames);
        Assert.Equal([1, double.NaN, 3], joined.GetNumeric("x").Values.ToArray());
        Assert.Equal(new List<string?> { "a", null, "c" }, joined.GetText("s").Values.ToArray().ToList());
    }

    [Fact]
    public void Concat_PartsWithOtherColumnsOrOtherTypes_AreRefused()
    {
        var numbers = new Table(new NumericColumn("x", [1]));

        Assert.Throws<ArgumentException>(() => Table.Concat([numbers, new Table(new NumericColumn("y", [1]))]));
        Assert.Throws<ArgumentException>(() => Table.Concat([numbers, new Table(new TextColumn("x", ["1"]))]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.Concat([]));
    }
}
