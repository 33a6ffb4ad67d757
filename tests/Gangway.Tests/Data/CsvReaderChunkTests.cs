using System.Text;
using Gangway.Data;

namespace Gangway.Tests.Data;

/// <summary>Chunked reading and the invalid-row policy of <see cref="CsvReader"/>.</summary>
public class CsvReaderChunkTests
{
    private static readonly Dictionary<string, ColumnType> NumericN = new() { ["N"] = ColumnType.Numeric };

    private static string TenRows()
    {
        var csv = new StringBuilder("Id,Name,Score\n");
        for (var i = 1; i <= 10; i++)
        {
            csv.Append(i).Append(i % 3 == 0 ? ",\"multi\nline\"," : $",n{i % 4},").Append(i % 5 == 0 ? "" : $"{i * 0.1}").Append('\n');
        }

        return csv.ToString();
    }

    [Fact]
    public void ReadChunks_ChunkSize3Over10Rows_SameTableAsWholeRead()
    {
        var whole = CsvReader.Read(new StringReader(TenRows()));

        var chunks = CsvReader.ReadChunks(new StringReader(TenRows()), new CsvReadOptions { ChunkSize = 3 }).ToList();

        Assert.Equal([3, 3, 3, 1], chunks.Select(c => c.Table.RowCount));
        TableAssert.Equal(whole, TableAssert.Concat(chunks.Select(c => c.Table)));
    }

    [Fact]
    public void ReadChunks_Lines_AreStartLinesOfKeptRows()
    {
        var chunks = CsvReader.ReadChunks(new StringReader(TenRows()), new CsvReadOptions { ChunkSize = 3 }).ToList();

        // Rows 3, 6 and 9 span two lines each.
        Assert.Equal([2L, 3, 4, 6, 7, 8, 10, 11, 12, 14], chunks.SelectMany(c => c.Lines));
    }

    [Fact]
    public void ReadChunks_RowCountMultipleOfChunkSize_NoTrailingEmptyChunk()
    {
        var chunks = CsvReader.ReadChunks(new StringReader("A\n1\n2\n"), new CsvReadOptions { ChunkSize = 2 }).ToList();

        Assert.Single(chunks);
    }

    [Fact]
    public void ReadChunks_HeaderOnly_OneEmptyChunk()
    {
        var chunk = Assert.Single(CsvReader.ReadChunks(new StringReader("A,B\n")));

        Assert.Equal(0, chunk.Table.RowCount);
        Assert.Equal(["A", "B"], chunk.Table.ColumnNames);
    }

    [Fact]
    public void ReadChunks_TextAfterFirstChunkInferredNumeric_IsRowError()
    {
        var chunks = CsvReader.ReadChunks(new StringReader("N\n1\n2\nabc\n"), new CsvReadOptions { ChunkSize = 2 });

        var error = Assert.Throws<GangwayException>(() => chunks.ToList());

        Assert.Equal("Line 4, column 'N': expected a number, found 'abc'.", error.Message);
    }

    [Fact]
    public void ReadChunks_SkipPolicy_CollectsRejectedRowsWithRecordText()
    {
        var options = new CsvReadOptions { ColumnTypes = NumericN, InvalidRows = InvalidRowPolicy.Skip };

        var chunk = Assert.Single(CsvReader.ReadChunks(new StringReader("N,T\n1,a\nx,\"b\nc\"\n2,d\n3\n4,e"), options));

        Assert.Equal([1.0, 2.0, 4.0], chunk.Table.GetNumeric("N").Values.ToArray());
        Assert.Equal([2L, 5, 7], chunk.Lines);
        Assert.Equal(
            [new RowError(3, "N", "expected a number, found 'x'", "x,\"b\nc\""), new RowError(6, null, "expected 2 fields, found 1", "3")],
            chunk.Rejected);
    }

    [Fact]
    public void ReadChunks_SkipPolicy_ChunkSizeCountsKeptRows()
    {
        var options = new CsvReadOptions { ColumnTypes = NumericN, InvalidRows = InvalidRowPolicy.Skip, ChunkSize = 2 };

        var chunks = CsvReader.ReadChunks(new StringReader("N\n1\nx\n2\n3\n"), options).ToList();

        Assert.Equal([2, 1], chunks.Select(c => c.Table.RowCount));
        Assert.Single(chunks[0].Rejected);
    }

    [Fact]
    public void Read_SkippedRow_DoesNotTurnInferredColumnToText()
    {
        var options = new CsvReadOptions { InvalidRows = InvalidRowPolicy.Skip };

        var table = CsvReader.Read(new StringReader("A,B\n1,x\nabc,y,extra\n2,z\n"), options);

        Assert.Equal([1.0, 2.0], table.GetNumeric("A").Values.ToArray());
    }

    [Fact]
    public void RowError_ToException_IsInvalidInputWithMessage()
    {
        var exception = new RowError(9, null, "expected 12 fields, found 11").ToException();

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Equal("Line 9: expected 12 fields, found 11.", exception.Message);
    }
}
