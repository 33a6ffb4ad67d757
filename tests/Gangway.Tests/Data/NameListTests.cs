using Gangway.Data;

namespace Gangway.Tests.Data;

public sealed class NameListTests
{
    [Fact]
    public void Of_AtMostTwentyNames_ListsThemAll()
    {
        var names = Enumerable.Range(1, 20).Select(i => $"c{i}").ToList();

        Assert.Equal(string.Join(", ", names), NameList.Of(names));
    }

    [Fact]
    public void Of_ManyNames_ListsTwentyAndCountsTheRest()
    {
        var text = NameList.Of(Enumerable.Range(1, 1_000_000).Select(i => $"c{i}"));

        Assert.Equal(string.Join(", ", Enumerable.Range(1, 20).Select(i => $"c{i}")) + " and 999980 more", text);
    }

    [Fact]
    public void Of_NoNames_SaysNone() => Assert.Equal("(none)", NameList.Of([]));

    [Fact]
    public void MissingColumnErrors_OfAWideTable_ListTwentyColumnsAndHowManyMore()
    {
        var header = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"col{i}"));
        var csv = header + "\n" + string.Join(",", Enumerable.Repeat("1", 5000)) + "\n";
        var table = CsvReader.Read(new StringReader(csv));

        var fromTable = Assert.Throws<GangwayException>(() => table["Age"]);
        var fromReader = Assert.Throws<GangwayException>(() => CsvReader.Read(new StringReader(csv), new CsvReadOptions { Columns = ["Age"] }));

        foreach (var error in new[] { fromTable, fromReader })
        {
            Assert.Contains("col0, col1, ", error.Message, StringComparison.Ordinal);
            Assert.Contains("col19 and 4980 more.", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("col20", error.Message, StringComparison.Ordinal);
        }
    }
}
