using System.Text;
using Gangway.Data;

namespace Gangway.Tests.Data;

public class CsvReaderTests
{
    private static readonly string TitanicTrain = Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", "train.csv");

    private static Table Read(string csv, CsvReadOptions? options = null) => CsvReader.Read(new StringReader(csv), options);

    private static GangwayException ReadFails(string csv, CsvReadOptions? options = null) =>
        Assert.Throws<GangwayException>(() => Read(csv, options));

    [Fact]
    public void Read_QuotedFieldWithDelimiter_IsOneField()
    {
        var table = Read("Name,Age\n\"Kelly, Mr. James\",34.5\n");

        Assert.Equal("Kelly, Mr. James", table.GetText("Name")[0]);
        Assert.Equal(34.5, table.GetNumeric("Age")[0]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Read_QuotedFieldWithLineBreak_KeepsBreak(string lineBreak)
    {
        var table = Read($"Note,N{lineBreak}\"first{lineBreak}second\",1{lineBreak}x,2{lineBreak}");

        Assert.Equal($"first{lineBreak}second", table.GetText("Note")[0]);
        Assert.Equal([1.0, 2.0], table.GetNumeric("N").Values.ToArray());
    }

    [Fact]
    public void Read_DoubledQuotes_AreOneQuote()
    {
        var table = Read("Name\n\"Say \"\"hi\"\", \"\"Bob\"\"\"\n\"\"\"\"\n");

        Assert.Equal("Say \"hi\", \"Bob\"", table.GetText("Name")[0]);
        Assert.Equal("\"", table.GetText("Name")[1]);
    }

    [Fact]
    public void Read_Utf8StreamWithBom_HeaderHasNoBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Sex,Age\nmännlich,3\n")).ToArray();

        var table = CsvReader.Read(new MemoryStream(bytes));

        Assert.Equal(["Sex", "Age"], table.ColumnNames);
        Assert.Equal("männlich", table.GetText("Sex")[0]);
    }

    [Fact]
    public void Read_TextReaderStartingWithBomChar_HeaderHasNoBom()
    {
        var table = Read("\uFEFFId\n1\n");

        Assert.Equal(["Id"], table.ColumnNames);
    }

    [Fact]
    public void Read_CrlfFileWithoutFinalNewline_ReadsEveryRow()
    {
        var table = Read("A,B\r\n1,x\r\n2,y");

        Assert.Equal([1.0, 2.0], table.GetNumeric("A").Values.ToArray());
        Assert.Equal(new string?[] { "x", "y" }, table.GetText("B").Values.ToArray());
    }

    [Fact]
    public void Read_ReorderedColumns_MatchedByName()
    {
        var types = new Dictionary<string, ColumnType> { ["Age"] = ColumnType.Numeric, ["Sex"] = ColumnType.Text };

        var first = Read("Sex,Age\nmale,22\n", new CsvReadOptions { ColumnTypes = types });
        var second = Read("Age,Sex\n22,male\n", new CsvReadOptions { ColumnTypes = types });

        Assert.Equal(first.GetNumeric("Age")[0], second.GetNumeric("Age")[0]);
        Assert.Equal(first.GetText("Sex")[0], second.GetText("Sex")[0]);
    }

    [Fact]
    public void Read_EmptyFieldsQuotedOrNot_AreMissing()
    {
        var table = Read("Age,Cabin\n,\n\"\",\"\"\n3,C85\n");

        Assert.True(double.IsNaN(table.GetNumeric("Age")[0]));
        Assert.True(double.IsNaN(table.GetNumeric("Age")[1]));
        Assert.Null(table.GetText("Cabin")[0]);
        Assert.Null(table.GetText("Cabin")[1]);
        Assert.Equal("C85", table.GetText("Cabin")[2]);
    }

    [Fact]
    public void Read_DeclaredTextColumnOfDigits_KeepsOriginalText()
    {
        var options = new CsvReadOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["Ticket"] = ColumnType.Text } };

        var table = Read("Ticket\n007\n1e3\n", options);

        Assert.Equal(new string?[] { "007", "1e3" }, table.GetText("Ticket").Values.ToArray());
    }

    [Fact]
    public void Read_DeclaredTypeForColumnNotInHeader_IsIgnored()
    {
        var options = new CsvReadOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["Survived"] = ColumnType.Numeric } };

        var table = Read("Age\n1\n", options);

        Assert.Equal(["Age"], table.ColumnNames);
    }

    [Fact]
    public void Read_UndeclaredColumns_InferredFromEveryRow()
    {
        var table = Read("Num,Mixed,Empty,NotFinite\n1.5,1,,1\n-2e3,abc,,NaN\n");

        Assert.Equal([1.5, -2000.0], table.GetNumeric("Num").Values.ToArray());
        Assert.Equal(new string?[] { "1", "abc" }, table.GetText("Mixed").Values.ToArray());
        Assert.Equal(ColumnType.Numeric, table["Empty"].Type);
        Assert.Equal(new string?[] { "1", "NaN" }, table.GetText("NotFinite").Values.ToArray());
    }

    [Fact]
    public void Read_RepeatedTextValues_ShareOneString()
    {
        var table = Read("Sex\nmale\nfemale\nmale\n");

        Assert.Same(table.GetText("Sex")[0], table.GetText("Sex")[2]);
    }

    [Fact]
    public void Read_TextInNumericColumn_NamesLineColumnAndValue()
    {
        var options = new CsvReadOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["Age"] = ColumnType.Numeric } };

        var error = ReadFails("Name,Age\na,1\nb,abc\n", options);

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal("Line 3, column 'Age': expected a number, found 'abc'.", error.Message);
    }

    [Fact]
    public void Read_InfinityInNumericColumn_IsRowError()
    {
        var options = new CsvReadOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["Fare"] = ColumnType.Numeric } };

        var error = ReadFails("Fare\n1\nInfinity\n", options);

        Assert.Equal("Line 3, column 'Fare': expected a finite number, found 'Infinity'.", error.Message);
    }

    [Fact]
    public void Read_ErrorAfterMultilineRecord_CountsPhysicalLines()
    {
        var options = new CsvReadOptions { ColumnTypes = new Dictionary<string, ColumnType> { ["N"] = ColumnType.Numeric } };

        var error = ReadFails("Note,N\n\"a\nb\r\nc\",1\n\nok,x\n", options);

        Assert.Equal("Line 6, column 'N': expected a number, found 'x'.", error.Message);
    }

    [Fact]
    public void Read_ErrorInMultilineRecord_ReportsLineWhereItStarts()
    {
        var error = ReadFails("Note,N\nx,1\n\"a\nb\",1,extra\n");

        Assert.Equal("Line 3: expected 2 fields, found 3.", error.Message);
    }

    [Fact]
    public void Read_TooFewFields_NamesExpectedAndFoundCounts()
    {
        var error = ReadFails("A,B,C\n1,2,3\n1,2\n");

        Assert.Equal("Line 3: expected 3 fields, found 2.", error.Message);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsRowError()
    {
        var error = ReadFails("A,B\n\"x\"y,1\n");

        Assert.Equal("Line 2, column 'A': unexpected text after a closing quote.", error.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesLineWhereRecordStarts()
    {
        var error = ReadFails("A\nok\n\"never closed\nstill\n");

        Assert.Equal("Line 3: a quoted field in this record is not closed before the end of the data.", error.Message);
    }

    [Fact]
    public void Read_SelectedColumns_KeepsOnlyThoseAndSkipsParsingOthers()
    {
        var options = new CsvReadOptions
        {
            Columns = ["Age"],
            ColumnTypes = new Dictionary<string, ColumnType> { ["Fare"] = ColumnType.Numeric },
        };

        var table = Read("Fare,Age\nnot a number,4\n", options);

        Assert.Equal(["Age"], table.ColumnNames);
        Assert.Equal(4.0, table.GetNumeric("Age")[0]);
    }

    [Fact]
    public void Read_SelectedColumnNotInHeader_ListsHeaderColumns()
    {
        var error = ReadFails("Fare,Age\n1,2\n", new CsvReadOptions { Columns = ["Age", "Sex"] });

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal("Could not find column 'Sex' in the CSV header. Columns present: Fare, Age.", error.Message);
    }

    [Fact]
    public void Read_DuplicateHeaderName_Throws()
    {
        var error = ReadFails("Age,Name,Age\n1,a,2\n");

        Assert.Equal("Line 1: header names column 'Age' twice (columns 1 and 3).", error.Message);
    }

    [Fact]
    public void Read_EmptyHeaderName_Throws()
    {
        var error = ReadFails("Age,,Name\n1,2,3\n");

        Assert.Equal("Line 1: header column 2 has no name.", error.Message);
    }

    [Fact]
    public void Read_HeaderNameOfOnlySpaces_ThrowsGangwayException()
    {
        // Found by fuzzing: a blank name used to reach Column's argument check as an ArgumentException.
        var error = ReadFails("Age, \t,Name\n1,2,3\n");

        Assert.Equal("Line 1: header column 2 has no name (only spaces).", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_ZeroRows()
    {
        var table = Read("Age,Name\n");

        Assert.Equal(0, table.RowCount);
        Assert.Equal(["Age", "Name"], table.ColumnNames);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n")]
    public void Read_NoHeader_Throws(string csv)
    {
        var error = ReadFails(csv);

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_IsInvalidInput()
    {
        var bytes = Encoding.UTF8.GetBytes("A\nx\n").Concat(new byte[] { 0xFF, 0xFE, 0x0A }).ToArray();

        var error = Assert.Throws<GangwayException>(() => CsvReader.Read(new MemoryStream(bytes)));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
    }

    [Fact]
    public void Read_SemicolonDelimiterAndSingleQuote_FromOptions()
    {
        var table = Read("A;B\n'x;y';1\n", new CsvReadOptions { Delimiter = ';', Quote = '\'' });

        Assert.Equal("x;y", table.GetText("A")[0]);
        Assert.Equal(1.0, table.GetNumeric("B")[0]);
    }

    [Fact]
    public void Read_ZeroChunkSize_IsInvalidConfiguration()
    {
        var error = Assert.Throws<GangwayException>(() => CsvReader.ReadChunks(new StringReader("A\n"), new CsvReadOptions { ChunkSize = 0 }));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }

    [Fact]
    public void ReadFile_Missing_IsNotFoundNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "gangway-no-such-file.csv");

        var error = Assert.Throws<GangwayException>(() => CsvReader.ReadFile(path));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFileChunks_Missing_IsNotFoundBeforeEnumerating()
    {
        var error = Assert.Throws<GangwayException>(() => CsvReader.ReadFileChunks("/no/such/dir/x.csv"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void ReadFile_TitanicTrain_ReadsKnownValuesAndMissingAges()
    {
        var table = CsvReader.ReadFile(TitanicTrain);

        Assert.Equal(712, table.RowCount);
        Assert.Equal(12, table.Columns.Count);
        Assert.Equal(211.0, table.GetNumeric("PassengerId")[0]);
        Assert.Equal("Ali, Mr. Ahmed", table.GetText("Name")[0]);
        Assert.Equal("SOTON/O.Q. 3101311", table.GetText("Ticket")[0]);
        Assert.Equal(24.0, table.GetNumeric("Age")[0]);
        Assert.Equal(7.05, table.GetNumeric("Fare")[0]);
        Assert.Null(table.GetText("Cabin")[0]);
        Assert.Contains(table.GetNumeric("Age").Values.ToArray(), double.IsNaN);
        Assert.Equal(ColumnType.Numeric, table["Survived"].Type);
    }

    [Fact]
    public void ReadFileChunks_TitanicTrain_SameTableAsWholeFile()
    {
        var whole = CsvReader.ReadFile(TitanicTrain);

        var chunks = CsvReader.ReadFileChunks(TitanicTrain, new CsvReadOptions { ChunkSize = 100 }).ToList();

        Assert.Equal(8, chunks.Count);
        TableAssert.Equal(whole, TableAssert.Concat(chunks.Select(c => c.Table)));
    }
}
