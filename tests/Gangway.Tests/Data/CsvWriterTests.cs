using System.Text;
using Gangway.Data;

namespace Gangway.Tests.Data;

public class CsvWriterTests
{
    private static string Write(Table table)
    {
        var text = new StringWriter();
        CsvWriter.Write(table, text);
        return text.ToString();
    }

    private static Table RoundTrip(Table table, CsvReadOptions? options = null) =>
        CsvReader.Read(new StringReader(Write(table)), options);

    [Fact]
    public void Write_FieldsWithDelimiterQuoteOrLineBreak_AreQuotedWithDoubledQuotes()
    {
        var table = new Table(new TextColumn("T", ["a,b", "say \"hi\"", "x\ny", "r\rs", "plain"]));

        Assert.Equal("T\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"x\ny\"\n\"r\rs\"\nplain\n", Write(table));
    }

    [Fact]
    public void Write_MissingValues_AreEmptyFields()
    {
        var table = new Table(new NumericColumn("N", [double.NaN, 1]), new TextColumn("T", [null, "b"]));

        Assert.Equal("N,T\n,\n1,b\n", Write(table));
    }

    [Fact]
    public void Write_Numbers_InFormatNumberForm()
    {
        double[] values = [0.1 + 0.2, 1e300, -5e-324, 42, -0.0, 0, 123456789.125, 999_999_999_999_999, 1e15, -1e15, -12345, 1e-5];

        var written = Write(new Table(new NumericColumn("N", values)));

        Assert.Equal("N\n" + string.Concat(values.Select(v => Column.FormatNumber(v) + "\n")), written);
    }

    [Fact]
    public void Write_HeaderNameNeedingQuotes_IsQuoted()
    {
        var table = new Table(new NumericColumn("a,b", [1]));

        Assert.Equal("\"a,b\"\n1\n", Write(table));
    }

    [Fact]
    public void WriteRows_NamedColumnsInGivenOrder_OtherColumnsIgnored()
    {
        var table = new Table(new NumericColumn("A", [1, 2]), new TextColumn("B", ["x", "y"]), new NumericColumn("C", [3, 4]));
        var text = new StringWriter();
        var writer = new CsvTableWriter(text, ["C", "B"]);

        writer.WriteHeader();
        writer.WriteRows(table);
        writer.WriteRows(table);

        Assert.Equal("C,B\n3,x\n4,y\n3,x\n4,y\n", text.ToString());
    }

    [Fact]
    public void WriteRows_TableWithoutNamedColumn_ListsColumnsPresent()
    {
        var writer = new CsvTableWriter(new StringWriter(), ["Missing"]);

        var error = Assert.Throws<GangwayException>(() => writer.WriteRows(new Table(new NumericColumn("A", [1]))));

        Assert.Equal("Could not find column 'Missing'. Columns present: A.", error.Message);
    }

    [Fact]
    public void WriteFile_Utf8WithoutBom()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gangway-csv-{Guid.NewGuid():N}.csv");
        try
        {
            CsvWriter.WriteFile(new Table(new TextColumn("Name", ["Zoë"])), path);

            Assert.Equal(Encoding.UTF8.GetBytes("Name\nZoë\n"), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RoundTrip_AwkwardValues_EqualTable()
    {
        var table = new Table(
            new TextColumn("Text, with comma", ["a,b", "\"quoted\"", "line\nbreak", "crlf\r\nbreak", "ünï©ødé 🚢", null, " padded ", "\"", "x\"\"y"]),
            new NumericColumn("Number", [0.1 + 0.2, double.MaxValue, double.Epsilon, -1e-300, 0, double.NaN, 1e21, -123.456, 7]));

        TableAssert.Equal(table, RoundTrip(table));
    }

    [Fact]
    public void RoundTrip_SingleColumnWithMissingValues_KeepsRows()
    {
        var table = new Table(new NumericColumn("N", [1, double.NaN, 3]));

        Assert.Equal("N\n1\n\"\"\n3\n", Write(table));
        TableAssert.Equal(table, RoundTrip(table));
    }

    [Fact]
    public void RoundTrip_EmptyText_ReadsBackAsMissing()
    {
        var table = new Table(new TextColumn("T", ["", "x"]), new NumericColumn("N", [1, 2]));

        Assert.Equal("T,N\n\"\",1\nx,2\n", Write(table));
        Assert.Null(RoundTrip(table).GetText("T")[0]);
    }

    [Fact]
    public void RoundTrip_MoreRowsThanOneBuffer_EqualTable()
    {
        var count = 50_000;
        var table = new Table(
            new NumericColumn("Id", [.. Enumerable.Range(0, count).Select(i => i * 1.5)]),
            new TextColumn("Name", [.. Enumerable.Range(0, count).Select(i => i % 7 == 0 ? null : $"name \"{i}\", {new string('x', i % 40)}")]));

        TableAssert.Equal(table, RoundTrip(table));
    }
}
