using System.Text;
using Gangway.Data;
using Gangway.Parsing;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.Parsing;

/// <summary>A temporary folder with a small contract, where tests write a parser spec and a unit's file and parse it.</summary>
internal sealed class ParserWorkspace : IDisposable
{
    public const string Contract = """
        columns:
          Id: {type: integer, nullable: false}
          Name: {type: text}
          Price: {type: real}
          Kind: {type: category, values: [a, b]}
          Flag: {type: category, values: ["0", "1"]}
          Day: {type: datetime}
          Unit: {type: text}
        """;

    private readonly TempDirectory _temp = new();

    public ParserWorkspace() => _temp.Write("contract.yaml", Contract);

    public string Path => _temp.Path;

    /// <summary>Writes <c>parser.yaml</c>: the contract line, then <paramref name="yaml"/>.</summary>
    public string Spec(string yaml) => _temp.Write("parser.yaml", $"name: unit\ncontract: contract.yaml\n{yaml}");

    public ParserSpec ReadSpec(string yaml) => ParserSpecReader.ReadFile(Spec(yaml));

    /// <summary>Writes the unit's file in <paramref name="encoding"/> (default UTF-8 without BOM).</summary>
    public string Data(string text, Encoding? encoding = null, string name = "unit.csv")
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    /// <summary>Parses <paramref name="text"/> with <paramref name="yaml"/> into one table.</summary>
    public Table Parse(string yaml, string text, Encoding? encoding = null, CsvReadOptions? options = null) =>
        Chunks(yaml, text, encoding, options).Single().Table;

    public List<CsvChunk> Chunks(string yaml, string text, Encoding? encoding = null, CsvReadOptions? options = null) =>
        [.. new ParsedFileSource(ReadSpec(yaml), Data(text, encoding)).ReadChunks(options ?? CsvReadOptions.Default)];

    public void Dispose() => _temp.Dispose();
}
