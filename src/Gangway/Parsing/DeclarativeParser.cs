using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>The parser a spec without <c>type</c> describes: delimiters, encoding, renames, value maps and conversions.</summary>
internal sealed class DeclarativeParser(ParserSpec spec) : IParser
{
    public string Name => spec.Name;

    public ITableSource Open(string path) => new ParsedFileSource(spec, path);
}
