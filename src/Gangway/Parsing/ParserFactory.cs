using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>One call from a parser spec file and a data file to a <see cref="ITableSource"/>, for hosts.</summary>
public static class ParserFactory
{
    /// <summary>
    /// Reads the parser spec at <paramref name="parserSpecPath"/>, creates its parser through
    /// <paramref name="catalog"/> (default <see cref="GangwayCatalog.BuiltIn"/>) and opens <paramref name="dataPath"/>.
    /// </summary>
    /// <exception cref="GangwayException">The spec is missing or invalid, or its parser type is unknown.</exception>
    public static ITableSource Open(string parserSpecPath, string dataPath, GangwayCatalog? catalog = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        var spec = ParserSpecReader.ReadFile(parserSpecPath);
        return (catalog ?? GangwayCatalog.BuiltIn).Parsers.Create(spec).Open(dataPath);
    }
}
