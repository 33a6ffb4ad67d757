using System.Text;
using CsCheck;
using Gangway.Data;

namespace Gangway.Tests.Fuzzing;

/// <summary>The CSV reader, whatever the text and options: a table or a <see cref="GangwayException"/>, nothing else.</summary>
public sealed class CsvReaderFuzzTests
{
    private static readonly string Titanic = string.Join("\n", File.ReadLines(Path.Combine("TestData", "titanic", "train.csv")).Take(6)) + "\n";

    private static readonly Gen<CsvReadOptions> Options = Gen.Select(Gen.Int[0, 3], Gen.Int[1, 4], Gen.Bool, (types, chunk, skip) => new CsvReadOptions
    {
        ColumnTypes = types switch
        {
            0 => null,
            1 => new Dictionary<string, ColumnType> { ["Age"] = ColumnType.Numeric, ["Sex"] = ColumnType.Text, ["a"] = ColumnType.Numeric },
            2 => new Dictionary<string, ColumnType> { ["Pclass"] = ColumnType.Numeric, ["Name"] = ColumnType.Numeric },
            _ => new Dictionary<string, ColumnType> { ["PassengerId"] = ColumnType.Text },
        },
        Columns = types == 3 ? ["Sex", "Age"] : null,
        ChunkSize = chunk,
        InvalidRows = skip ? InvalidRowPolicy.Skip : InvalidRowPolicy.Fail,
    });

    [Fact]
    public void Read_TokenSoup_ReturnsATableOrThrowsGangwayException() =>
        Fuzz.Check(Gen.Select(HostileText.Soup(80), Options, (text, options) => (text, options)), 3000, c => ReadAll(c.text, c.options), c => c.text);

    [Fact]
    public void Read_MutatedTitanicFile_ReturnsATableOrThrowsGangwayException() =>
        Fuzz.Check(Gen.Select(HostileText.Mutated(Titanic), Options, (text, options) => (text, options)), 3000, c => ReadAll(c.text, c.options), c => c.text);

    [Fact]
    public void Read_RandomBytes_ReturnsATableOrThrowsGangwayException() =>
        Fuzz.Check(HostileText.Bytes, 3000, bytes =>
        {
            try
            {
                _ = CsvReader.ReadChunks(new MemoryStream(bytes), CsvReadOptions.Default with { InvalidRows = InvalidRowPolicy.Skip }).Sum(c => c.Table.RowCount);
            }
            catch (GangwayException)
            {
            }
        }, Convert.ToHexString);

    private static void ReadAll(string text, CsvReadOptions options)
    {
        try
        {
            foreach (var chunk in CsvReader.ReadChunks(new MemoryStream(Encoding.UTF8.GetBytes(text)), options))
            {
                foreach (var column in chunk.Table.Columns.Where(_ => chunk.Table.RowCount > 0))
                {
                    _ = column.FormatValue(chunk.Table.RowCount - 1);
                }
            }
        }
        catch (GangwayException)
        {
        }
    }
}
