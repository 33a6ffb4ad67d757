using System.Text;
using Gangway.Data;
using Gangway.Parsing;

namespace Gangway.Tests.Parsing;

public sealed class ParsedFileSourceTests : IDisposable
{
    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void ReadChunks_RenamedColumns_YieldContractNamesInContractOrderWithPhysicalTypes()
    {
        var table = _ws.Parse("columns: {Preis: Price, Nummer: Id}", "Preis,Nummer,Name\n2.5,7,Ann\n");

        Assert.Equal(["Id", "Name", "Price"], table.ColumnNames);
        Assert.Equal(7, table.GetNumeric("Id")[0]);
        Assert.Equal(2.5, table.GetNumeric("Price")[0]);
        Assert.Equal("Ann", table.GetText("Name")[0]);
    }

    [Fact]
    public void ReadChunks_UnmappedSourceColumns_PassThroughWhenDeclaredElseIgnored()
    {
        var table = _ws.Parse("", "Id,Extra,Unit\n1,x,north\n");

        Assert.Equal(["Id", "Unit"], table.ColumnNames);
    }

    [Fact]
    public void ReadChunks_KeptSourceColumn_ComesLastAsTextUnchanged()
    {
        var table = _ws.Parse("keep: [Ref]\ndrop: [Extra]", "Ref,Id,Extra\n007,1,x\n", options: new CsvReadOptions { Columns = ["Id"] });

        Assert.Equal(["Id", "Ref"], table.ColumnNames);
        Assert.Equal("007", table.GetText("Ref")[0]);
    }

    [Theory]
    [InlineData("drop: [Gone]", "drops source column 'Gone'")]
    [InlineData("keep: [Gone]", "keeps source column 'Gone'")]
    public void ReadChunks_DropOrKeepNamingAColumnTheFileLacks_FailsBeforeAnyRow(string yaml, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.Parse(yaml, "Id,Name\n1,Ann\n"));

        Assert.Contains($"parser 'unit' {expected}, which the file does not have. Columns present: Id, Name.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keep: [Name]", "which the contract declares")]
    [InlineData("keep: [Ref]\ndrop: [Ref]", "which 'drop' drops")]
    [InlineData("keep: [Ref]\ncolumns: {Ref: Unit}", "which 'columns' maps")]
    public void ReadSpec_KeepClashingWithTheContractOrAnotherKey_IsAnError(string yaml, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.ReadSpec(yaml));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChunks_Latin1_DecodesAccentsInHeaderAndValues()
    {
        var table = _ws.Parse("encoding: iso-8859-1\ncolumns: {Größe: Price}", "Id;Name;Größe\n1;Mäkinen;3\n".Replace(';', ','), Encoding.Latin1);

        Assert.Equal("Mäkinen", table.GetText("Name")[0]);
        Assert.Equal(3, table.GetNumeric("Price")[0]);
    }

    [Fact]
    public void ReadChunks_Windows1252_DecodesTheEuroSign()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Id,Name\n1,5 € – Straße\n");
        Assert.Contains((byte)0x80, bytes);

        var table = _ws.Parse("encoding: windows-1252", Encoding.Latin1.GetString(bytes), Encoding.Latin1);

        Assert.Equal("5 € – Straße", table.GetText("Name")[0]);
    }

    [Fact]
    public void ReadChunks_InvalidUtf8_IsAnErrorNamingTheEncoding()
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.Parse("", "Id,Name\n1,M\u00e4kinen\n", Encoding.Latin1));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("is not valid utf-8 text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChunks_Utf8Bom_IsNotPartOfTheFirstHeader()
    {
        var table = _ws.Parse("", "\uFEFFId,Name\n1,a\n", new UTF8Encoding(true));

        Assert.Equal(["Id", "Name"], table.ColumnNames);
    }

    [Fact]
    public void ReadChunks_DecimalCommaAndThousands_ParseNumbers()
    {
        var table = _ws.Parse("delimiter: ';'\ndecimal: ','\nthousands: '.'", "Id;Price\n1;1.234,5\n2;-0,25\n3;7\n");

        Assert.Equal([1234.5, -0.25, 7], table.GetNumeric("Price").Values.ToArray());
    }

    [Fact]
    public void ReadChunks_DecimalCommaWithAPoint_IsARowErrorNamingSourceLineColumnAndValue()
    {
        var ex = Assert.Throws<GangwayException>(() =>
            _ws.Parse("delimiter: ';'\ndecimal: ','\ncolumns: {Preis: Price}", "Id;Preis\n1;2,5\n\n2;3.5\n"));

        Assert.Equal("Line 4, column 'Preis' (Price): expected a number with decimal ',', found '3.5'.", ex.Message);
        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
    }

    [Fact]
    public void ReadChunks_DecimalPointWithThousandsComma_ParseNumbers()
    {
        var table = _ws.Parse("thousands: ','", "Id,Price\n1,\"12,345.5\"\n");

        Assert.Equal(12345.5, table.GetNumeric("Price")[0]);
    }

    [Fact]
    public void ReadChunks_Trim_RemovesSpacesNonBreakingSpacesAndBoms()
    {
        var table = _ws.Parse("trim: true\nvalues: {Kind: {A: a}}", "\u00A0Id ,Name,Kind\n \u20071\u202F,\u00A0Ann\uFEFF , A\u00A0\n");

        Assert.Equal(1, table.GetNumeric("Id")[0]);
        Assert.Equal("Ann", table.GetText("Name")[0]);
        Assert.Equal("a", table.GetText("Kind")[0]);
    }

    [Fact]
    public void ReadChunks_WithoutTrim_KeepsSpacesAndRejectsPaddedNumbers()
    {
        var table = _ws.Parse("", "Id,Name\n1, Ann\n");
        Assert.Equal(" Ann", table.GetText("Name")[0]);

        var ex = Assert.Throws<GangwayException>(() => _ws.Parse("", "Id,Name\n\u00A01,Ann\n"));
        Assert.Contains("column 'Id': expected a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChunks_ValueMaps_TranslateCodesToContractValues()
    {
        var table = _ws.Parse(
            "columns: {Art: Kind, Ok: Flag}\nvalues: {Kind: {x: a, y: b}, Flag: {yes: 1, no: 0}}",
            "Id,Art,Ok\n1,x,yes\n2,y,no\n3,b,1\n");

        Assert.Equal("a,b,b", string.Join(',', table.GetText("Kind").Values.ToArray()));
        Assert.Equal([1, 0, 1], table.GetNumeric("Flag").Values.ToArray());
    }

    [Fact]
    public void ReadChunks_Dates_BecomeIso8601()
    {
        var table = _ws.Parse("dates: {Day: dd.MM.yyyy}", "Id,Day\n1,03.02.2001\n2,\n");

        Assert.Equal("2001-02-03", table.GetText("Day")[0]);
        Assert.Null(table.GetText("Day")[1]);
    }

    [Fact]
    public void ReadChunks_DateTimes_BecomeIso8601WithTime()
    {
        var table = _ws.Parse("dates: {Day: 'dd/MM/yyyy HH:mm'}", "Id,Day\n1,03/02/2001 16:05\n");

        Assert.Equal("2001-02-03T16:05:00", table.GetText("Day")[0]);
    }

    [Fact]
    public void ReadChunks_BadDate_IsARowErrorNamingTheFormat()
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.Parse("columns: {Datum: Day}\ndates: {Day: dd.MM.yyyy}", "Id,Datum\n1,2001-02-03\n"));

        Assert.Equal("Line 2, column 'Datum' (Day): expected a date like 'dd.MM.yyyy', found '2001-02-03'.", ex.Message);
    }

    [Fact]
    public void ReadChunks_Constants_FillEveryRow()
    {
        var table = _ws.Parse("constants: {Unit: nordic, Flag: 1}", "Id\n1\n2\n");

        Assert.Equal("nordic,nordic", string.Join(',', table.GetText("Unit").Values.ToArray()));
        Assert.Equal([1, 1], table.GetNumeric("Flag").Values.ToArray());
    }

    [Fact]
    public void ReadChunks_Drop_IgnoresADeclaredSourceColumn()
    {
        var table = _ws.Parse("drop: [Name]", "Id,Name\n1,a\n");

        Assert.Equal(["Id"], table.ColumnNames);
    }

    [Fact]
    public void ReadChunks_MissingTokens_AreMissing()
    {
        var table = _ws.Parse("missing: [NA, '-']", "Id,Price,Name\n1,NA,-\n2,-,NA\n3,4,x\n");

        Assert.True(double.IsNaN(table.GetNumeric("Price")[0]) && double.IsNaN(table.GetNumeric("Price")[1]));
        Assert.Null(table.GetText("Name")[0]);
        Assert.Equal("x", table.GetText("Name")[2]);
    }

    [Fact]
    public void ReadChunks_TwoSourcesForOneContractColumn_IsAnError()
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.Parse("columns: {Preis: Price}", "Id,Preis,Price\n1,2,3\n"));

        Assert.Contains("source columns 'Preis' and 'Price' both give contract column 'Price'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChunks_SkipPolicy_LeavesBadRowsOutAndReportsThemWithSourceLines()
    {
        var chunks = _ws.Chunks(
            "columns: {Preis: Price}",
            "Id,Preis\n1,2\n2,zwei\n3\n4,5\n",
            options: new CsvReadOptions { InvalidRows = InvalidRowPolicy.Skip });

        var chunk = Assert.Single(chunks);
        Assert.Equal([1, 4], chunk.Table.GetNumeric("Id").Values.ToArray());
        Assert.Equal([2L, 5L], chunk.Lines);
        Assert.Equal(["Line 3, column 'Preis' (Price): expected a number with decimal '.', found 'zwei'.", "Line 4: expected 2 fields, found 1."], chunk.Rejected.Select(r => r.Message));
        Assert.Equal("2,zwei", chunk.Rejected[0].RecordText);
    }

    [Fact]
    public void ReadChunks_SmallChunks_GiveTheSameRowsAsOneChunk()
    {
        const string yaml = "delimiter: ';'\ndecimal: ','\nvalues: {Kind: {x: a}}";
        var text = "Id;Price;Kind;Name\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i};{i},5;x;n{i % 3}\n"));

        var whole = _ws.Chunks(yaml, text, options: new CsvReadOptions { ChunkSize = int.MaxValue });
        var small = _ws.Chunks(yaml, text, options: new CsvReadOptions { ChunkSize = 7 });

        Assert.Equal(8, small.Count);
        Assert.All(small.SkipLast(1), c => Assert.Equal(7, c.Table.RowCount));
        Assert.Equal(Csv(whole), Csv(small));
        Assert.Equal(whole.Single().Lines, small.SelectMany(c => c.Lines));
    }

    [Fact]
    public void ReadChunks_ColumnsAndTypes_AreHonoured()
    {
        var options = new CsvReadOptions { Columns = ["Price", "Id"], ColumnTypes = new Dictionary<string, ColumnType> { ["Id"] = ColumnType.Text } };

        var table = _ws.Parse("decimal: ','\ndelimiter: ';'", "Id;Price;Name\n7;2,5;a\n", options: options);

        Assert.Equal(["Id", "Price"], table.ColumnNames);
        Assert.Equal("7", table.GetText("Id")[0]);
        Assert.Equal(2.5, table.GetNumeric("Price")[0]);
    }

    [Fact]
    public void ReadChunks_RequestedColumnTheFileLacks_NamesItsSourceColumn()
    {
        var options = new CsvReadOptions { Columns = ["Id", "Flag"] };

        var ex = Assert.Throws<GangwayException>(() => _ws.Parse("columns: {Ok: Flag}", "Id,Name\n1,a\n", options: options));

        Assert.Equal("Could not find column 'Flag' (mapped from source column 'Ok', which the file lacks) in 'unit.csv' through parser 'unit'. Columns present: Id, Name.", ex.Message);
    }

    [Fact]
    public void ReadChunks_MissingFile_IsNotFound()
    {
        var source = new ParsedFileSource(_ws.ReadSpec(""), Path.Combine(_ws.Path, "nope.csv"));

        Assert.Equal(ErrorKind.NotFound, Assert.Throws<GangwayException>(() => source.ReadChunks(CsvReadOptions.Default)).Kind);
    }

    [Fact]
    public void RawSha256_IsTheHashOfTheRawBytes()
    {
        var path = _ws.Data("Id\n1\n", Encoding.Latin1);

        Assert.Equal(Gangway.Bundles.Hashing.Sha256(File.ReadAllBytes(path)), new ParsedFileSource(_ws.ReadSpec(""), path).RawSha256());
    }

    private static string Csv(List<CsvChunk> chunks)
    {
        using var writer = new StringWriter();
        var csv = new CsvTableWriter(writer, [.. chunks[0].Table.ColumnNames]);
        chunks.ForEach(c => csv.WriteRows(c.Table));
        return writer.ToString();
    }
}
