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
        var parser = new ParserCatalog().Create(_ws.ReadSpec(""));

        Assert.Equal("unit", parser.Name);
        Assert.IsType<ParsedFileSource>(parser.Open(_ws.Data("Id\n1\n")));
    }

    [Fact]
    public void Create_RegisteredType_GivesTheCodeParserWithItsSpec()
    {
        var catalog = new ParserCatalog().Register("upper", spec => new UpperParser(spec));

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
        var ex = Assert.Throws<GangwayException>(() => new ParserCatalog().Create(_ws.ReadSpec("type: mystery")));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal("parser.yaml: unknown parser type 'mystery'. Registered types: declarative. Register code parsers with ParserCatalog.Default.Register.", ex.Message);
    }

    [Fact]
    public void Register_FromManyThreads_KeepsEveryType()
    {
        var catalog = new ParserCatalog();

        Parallel.For(0, 64, i => catalog.Register($"p{i}", spec => new UpperParser(spec)));

        Assert.Equal(65, catalog.Types.Count);
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
