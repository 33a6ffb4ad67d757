using System.Globalization;
using System.Text;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Schema;
using Gangway.Specs;

namespace Gangway.Parsing;

/// <summary>
/// Reads a <see cref="ParserSpec"/> from YAML (or JSON) and checks it against its contract. Unknown keys are errors;
/// every error names the file, the key and the line. Thread-safe.
/// </summary>
public static class ParserSpecReader
{
    private static readonly string[] Keys =
    [
        "name", "description", "type", "contract", "encoding", "delimiter", "quote", "decimal", "thousands", "columns",
        "values", "trim", "dates", "constants", "drop", "keep", "missing", "options",
    ];

    /// <summary>Reads a parser spec file; its <c>contract</c> path is resolved relative to the file.</summary>
    /// <exception cref="GangwayException">The spec or its contract is missing (NotFound) or invalid (InvalidConfiguration).</exception>
    public static ParserSpec ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Parser spec '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(text, Path.GetFileName(path), directory) with { Sha256 = Hashing.Sha256(bytes) };
    }

    /// <summary>The SHA-256 (lowercase hex) of a parser spec file's bytes, for lineage.</summary>
    /// <exception cref="GangwayException">The file does not exist (NotFound).</exception>
    public static string Sha256File(string path) => Hashing.Sha256File(path);

    /// <summary>Parses parser spec text; <see cref="ParserSpec.Sha256"/> is that of the text's UTF-8 bytes.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">A name for messages, e.g. the file name.</param>
    /// <param name="baseDirectory">The directory a relative <c>contract</c> path is resolved against.</param>
    /// <exception cref="GangwayException">The contract is missing (NotFound) or the spec is invalid (InvalidConfiguration).</exception>
    public static ParserSpec Parse(string text, string source, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var root = YamlText.Load(text, source);
        root.EnsureKnownKeys(Keys);
        var contractNode = root.Required("contract");
        var contractPath = Path.GetFullPath(Path.Combine(baseDirectory, contractNode.Scalar()));
        if (!File.Exists(contractPath))
        {
            throw new GangwayException(
                ErrorKind.NotFound,
                $"{source}, 'contract' (line {contractNode.Line.ToString(CultureInfo.InvariantCulture)}): the contract file '{contractPath}' does not exist.");
        }

        var spec = new ParserSpec
        {
            Name = root.Required("name").Scalar(),
            Type = root.Optional("type")?.Scalar(),
            Source = source,
            ContractPath = contractPath,
            Contract = DataSchemaReader.ReadFile(contractPath),
            Encoding = root.Optional("encoding") is { } encoding ? ParserEncodings.Check(encoding) : "utf-8",
            Delimiter = Char(root.Optional("delimiter")) ?? ',',
            Quote = Char(root.Optional("quote")) ?? '"',
            DecimalSeparator = root.Optional("decimal") is { } dec ? DecimalSeparator(dec) : '.',
            ThousandsSeparator = Char(root.Optional("thousands")),
            Columns = Map(root.Optional("columns")),
            Values = root.Optional("values") is { } values
                ? values.Mapping().ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)Map(e.Value), StringComparer.Ordinal)
                : new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal),
            Trim = root.Optional("trim")?.Bool() ?? false,
            Dates = Map(root.Optional("dates")),
            Constants = Map(root.Optional("constants")),
            Drop = List(root.Optional("drop")),
            Keep = List(root.Optional("keep")),
            Missing = List(root.Optional("missing")),
            Options = root.Optional("options") is { } options
                ? options.Mapping().ToDictionary(e => e.Key, e => e.Value.ToPlain(), StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal),
            Sha256 = Hashing.Sha256(Encoding.UTF8.GetBytes(text)),
        };
        ParserSpecChecks.Check(spec, root);
        return spec;
    }

    private static char? Char(SpecNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var text = node.Scalar();
        return text.Length == 1 ? text[0] : throw node.Error($"must be a single character; got '{text}'");
    }

    private static char DecimalSeparator(SpecNode node) =>
        Char(node) is { } c && c is '.' or ',' ? c : throw node.Error($"must be '.' or ','; got '{node.Scalar()}'");

    private static Dictionary<string, string> Map(SpecNode? node) => node is null
        ? new(StringComparer.Ordinal)
        : node.Mapping().ToDictionary(e => e.Key, e => e.Value.Scalar(), StringComparer.Ordinal);

    private static List<string> List(SpecNode? node) => node is null ? [] : [.. node.Sequence().Select(n => n.Scalar())];

    internal static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    internal static ColumnType PhysicalType(ParserSpec spec, string column) => spec.Contract[column].PhysicalType;
}
