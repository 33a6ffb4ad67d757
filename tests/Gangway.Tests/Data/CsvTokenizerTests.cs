using System.Text;
using Gangway.Data;

namespace Gangway.Tests.Data;

public class CsvTokenizerTests
{
    /// <summary>Hands out text a few characters at a time, so records straddle every possible refill point.</summary>
    private sealed class TrickleReader(string text, int step) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, step), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    private static List<string[]> Tokenize(TextReader reader)
    {
        var tokenizer = new CsvTokenizer(reader, ',', '"');
        var records = new List<string[]>();
        while (tokenizer.ReadRecord())
        {
            records.Add([.. Enumerable.Range(0, tokenizer.FieldCount).Select(i => tokenizer.Field(i).ToString())]);
        }

        return records;
    }

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void ReadRecord_RefillsAtAnyPoint_SameFields(int step)
    {
        var expected = new List<string[]>();
        var csv = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            string[] fields = [$"{i}", $"a\"b\r\n{i}", "", $"x,{i}\ny", new string('z', i % 50)];
            expected.Add(fields);
            csv.Append(fields[0]).Append(',').Append(Quote(fields[1])).Append(",,").Append(Quote(fields[3])).Append(',').Append(fields[4]);
            csv.Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        var records = Tokenize(new TrickleReader(csv.ToString(), step));

        Assert.Equal(expected, records);
    }

    [Fact]
    public void ReadRecord_RecordLargerThanBuffer_GrowsBuffer()
    {
        var big = new string('q', 300_000);

        var records = Tokenize(new StringReader($"A,B\n\"{big}\",{big}\n"));

        Assert.Equal([["A", "B"], [big, big]], records);
    }

    [Fact]
    public void ReadRecord_LineTracksBlankAndEmbeddedLines()
    {
        var tokenizer = new CsvTokenizer(new StringReader("h\n\n\"a\r\nb\nc\"\r\n\r\nd\re"), ',', '"');
        var lines = new List<long>();
        while (tokenizer.ReadRecord())
        {
            lines.Add(tokenizer.Line);
        }

        Assert.Equal([1L, 3, 7, 8], lines);
    }

    [Fact]
    public void RecordText_IsRecordWithoutLineEnding()
    {
        var tokenizer = new CsvTokenizer(new StringReader("a,\"b\nc\"\r\nd"), ',', '"');

        tokenizer.ReadRecord();

        Assert.Equal("a,\"b\nc\"", tokenizer.RecordText());
    }
}
