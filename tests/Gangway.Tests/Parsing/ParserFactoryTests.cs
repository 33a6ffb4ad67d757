using Gangway.Data;
using Gangway.Parsing;

namespace Gangway.Tests.Parsing;

public sealed class ParserFactoryTests : IDisposable
{
    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Open_SpecAndDataPaths_GivesASourceInContractTerms()
    {
        var source = ParserFactory.Open(_ws.Spec("columns: {Nr: Id}"), _ws.Data("Nr\n5\n"));

        Assert.Equal("unit.csv", source.Description);
        Assert.Equal(5, source.ReadChunks(CsvReadOptions.Default).Single().Table.GetNumeric("Id")[0]);
    }

    [Fact]
    public void Open_CustomCatalog_IsUsed()
    {
        var ex = Assert.Throws<GangwayException>(() => ParserFactory.Open(_ws.Spec("type: custom"), _ws.Data("Nr\n5\n"), new GangwayCatalogBuilder().Build()));

        Assert.Contains("unknown parser type 'custom'", ex.Message, StringComparison.Ordinal);
    }
}
