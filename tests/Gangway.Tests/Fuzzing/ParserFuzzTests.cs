using System.Text;
using CsCheck;
using Gangway.Data;
using Gangway.Parsing;
using Gangway.Tests.Parsing;

namespace Gangway.Tests.Fuzzing;

/// <summary>A declarative parser, whatever its YAML and the unit's file: a table or a <see cref="GangwayException"/>, nothing else.</summary>
public sealed class ParserFuzzTests : IDisposable
{
    private const string ValidSpec = """
        encoding: utf-8
        delimiter: ","
        decimal: ","
        trim: true
        missing: ["-", NA]
        columns:
          Nummer: Id
          Preis: Price
        values:
          Kind: {A: a, B: b}
          Flag: {ja: "1", nein: "0"}
        drop: [Extra]
        """;

    private const string ValidData = "Nummer,Name,Preis,Kind,Flag,Day,Unit,Extra\n1,Ann,\"2,5\",A,ja,2024-01-02,north,x\n2, Bo ,-,B,nein,,south,y\n3,NA,NA,A,ja,2024-02-30,,z\n";

    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Parse_MutatedSpecAndData_ReturnsATableOrThrowsGangwayException() =>
        Fuzz.Check(Gen.Select(HostileText.Mutated(ValidSpec), HostileText.Mutated(ValidData), (spec, data) => (spec, data)), 600, c => Parse(c.spec, c.data), c => $"{c.spec}\n---\n{c.data}");

    [Fact]
    public void Parse_ValidSpecTokenSoupData_ReturnsATableOrThrowsGangwayException() =>
        Fuzz.Check(HostileText.Soup(60), 600, data => Parse(ValidSpec, data), data => data);

    [Fact]
    public void Parse_TokenSoupSpec_ThrowsOnlyGangwayException() =>
        Fuzz.Check(HostileText.Soup(30), 600, spec => Parse(spec, ValidData), spec => spec);

    private void Parse(string spec, string data)
    {
        try
        {
            // Encoding.UTF8 writes a lone surrogate as U+FFFD, where the workspace's writer would throw.
            var specPath = Path.Combine(_ws.Path, "parser.yaml");
            File.WriteAllBytes(specPath, Encoding.UTF8.GetBytes($"name: unit\ncontract: contract.yaml\n{spec}"));
            var source = new ParsedFileSource(ParserSpecReader.ReadFile(specPath), _ws.Data(data));
            foreach (var chunk in source.ReadChunks(CsvReadOptions.Default with { InvalidRows = InvalidRowPolicy.Skip, ChunkSize = 2 }))
            {
                _ = chunk.Table.RowCount;
            }
        }
        catch (GangwayException)
        {
        }
    }
}
