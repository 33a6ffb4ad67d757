using Gangway.Data;
using Gangway.Parsing;

namespace Gangway.Tests.Parsing;

public sealed class CanonicalCsvTests : IDisposable
{
    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Write_ParsedSource_WritesContractOrderInvariantNumbersAndEmptyMissing()
    {
        var spec = _ws.ReadSpec("delimiter: ';'\ndecimal: ','\nmissing: [NA]\ncolumns: {Preis: Price}");
        var source = new ParsedFileSource(spec, _ws.Data("Name;Preis;Id\n\"Doe, J\";1,5;1\nAnn;NA;2\n"));
        using var output = new StringWriter();

        var result = CanonicalCsv.Write(source, output, new CsvReadOptions { ChunkSize = 1 });

        Assert.Equal("Id,Name,Price\n1,\"Doe, J\",1.5\n2,Ann,\n", output.ToString());
        Assert.Equal(2, result.Rows);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Write_SkipPolicy_ReportsRejectedRows()
    {
        var source = new ParsedFileSource(_ws.ReadSpec(""), _ws.Data("Id,Price\n1,x\n2,3\n"));
        using var output = new StringWriter();

        var result = CanonicalCsv.Write(source, output, new CsvReadOptions { InvalidRows = InvalidRowPolicy.Skip });

        Assert.Equal("Id,Price\n2,3\n", output.ToString());
        Assert.Equal(2, Assert.Single(result.Rejected).Line);
    }

    [Fact]
    public void Write_NoContractColumns_IsAnError()
    {
        var source = new ParsedFileSource(_ws.ReadSpec(""), _ws.Data("Foo,Bar\n1,2\n"));

        var ex = Assert.Throws<GangwayException>(() => CanonicalCsv.Write(source, TextWriter.Null));

        Assert.Contains("'unit.csv' yields no contract columns", ex.Message, StringComparison.Ordinal);
    }
}
