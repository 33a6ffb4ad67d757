using Gangway.Data;
using Gangway.Parsing;

namespace Gangway.Tests.Parsing;

public sealed class ParserCatalogTests : IDisposable
{
    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Create_NoType_GivesTheDeclarativeParser()
    {
        var parser = new GangwayCatalogBuilder().Build().Parsers.Create(_ws.ReadSpec(""));

        Assert.Equal("unit", parser.Name);
        Assert.IsType<ParsedFileSource>(parser.Open(_ws.Data("Id\n1\n")));
    }

    [Fact]
    public void Create_AddedType_GivesTheCodeParserWithItsSpec()
    {
        var catalog = new GangwayCatalogBuilder().AddParser("upper", spec => new UpperParser(spec)).Build().Parsers;

        var parser = catalog.Create(_ws.ReadSpec("type: upper"));
        var table = parser.Open(_ws.Data("ann\nbob\n")).ReadChunks(CsvReadOptions.Default).Single().Table;

        Assert.Equal("upper", parser.Name);
        Assert.Equal("ANN,BOB", string.Join(',', table.GetText("Name").Values.ToArray()));
        Assert.Contains("upper", catalog.Types);
        Assert.Contains(ParserCatalog.Declarative, catalog.Types);
    }

    [Fact]
    public void Create_UnknownType_ListsTheRegisteredTypes()
    {
        var ex = Assert.Throws<GangwayException>(() => new GangwayCatalogBuilder().Build().Parsers.Create(_ws.ReadSpec("type: mystery")));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal("parser.yaml: unknown parser type 'mystery'. Registered types: declarative. Add code parsers with GangwayCatalogBuilder.AddParser.", ex.Message);
    }

    [Fact]
    public void BuiltIn_FromManyThreads_CreatesParsersAndHasOnlyTheDeclarativeType()
    {
        var spec = _ws.ReadSpec("");
        var parsers = new IParser[64];

        Parallel.For(0, parsers.Length, i => parsers[i] = GangwayCatalog.BuiltIn.Parsers.Create(spec));

        Assert.All(parsers, p => Assert.Equal("unit", p.Name));
        Assert.Equal([ParserCatalog.Declarative], GangwayCatalog.BuiltIn.Parsers.Types);
    }

    /// <summary>A code parser: one name per line, upper-cased into the contract's Name column.</summary>
    private sealed class UpperParser(ParserSpec spec) : IParser
    {
        public string Name => spec.Type!;

        public ITableSource Open(string path) => new Source(path);

        private sealed class Source(string path) : ITableSource
        {
            public string Description => Path.GetFileName(path);

            public IEnumerable<CsvChunk> ReadChunks(CsvReadOptions options)
            {
                var names = File.ReadAllLines(path).Select(l => (string?)l.ToUpperInvariant()).ToArray();
                yield return new CsvChunk(new Table(new TextColumn("Name", names)), [.. Enumerable.Range(1, names.Length).Select(i => (long)i)], []);
            }

            public string RawSha256() => Gangway.Bundles.Hashing.Sha256File(path);
        }
    }
}
