using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gangway.Specs;

/// <summary>A YAML node with its path and line, so every spec error can say where it is.</summary>
internal sealed class SpecNode(string source, string path, YamlNode node)
{
    public string Path { get; } = path;

    public long Line => node.Start.Line;

    public bool IsSequence => node is YamlSequenceNode;

    public bool IsMapping => node is YamlMappingNode;

    public SpecNode Required(string key) =>
        Optional(key) ?? throw Error($"needs '{key}'");

    public SpecNode? Optional(string key)
    {
        var map = AsMap();
        return map.Children.TryGetValue(new YamlScalarNode(key), out var child) && !IsNull(child)
            ? new SpecNode(source, Join(key), child)
            : null;
    }

    public List<KeyValuePair<string, SpecNode>> Mapping() =>
        [.. AsMap().Children.Select(e => new KeyValuePair<string, SpecNode>(
            KeyText(e.Key), new SpecNode(source, Join(KeyText(e.Key)), e.Value)))];

    public IEnumerable<SpecNode> Sequence() => node is YamlSequenceNode sequence
        ? sequence.Children.Select((child, i) => new SpecNode(source, $"{Path}[{i}]", child))
        : throw Error("must be a list");

    public string Scalar() => node is YamlScalarNode { Value: { } value } ? value : throw Error("must be a single value");

    public int Int() => int.TryParse(Scalar(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw Error($"must be a whole number; got '{Scalar()}'");

    public double Double() => double.TryParse(Scalar(), System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
        ? value
        : throw Error($"must be a number; got '{Scalar()}'");

    public bool Bool() => bool.TryParse(Scalar(), out var value) ? value : throw Error($"must be true or false; got '{Scalar()}'");

    public void EnsureKnownKeys(params string[] known)
    {
        foreach (var entry in AsMap().Children)
        {
            var key = KeyText(entry.Key);
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                var suggestion = ClosestName.Find(key, known) is { } closest ? $"; did you mean '{closest}'?" : "";
                throw new SpecNode(source, Join(key), entry.Key).Error($"is not a known key; known keys here: {string.Join(", ", known)}{suggestion}");
            }
        }
    }

    /// <summary>Converts to plain values for <see cref="StepArguments"/>: strings, lists and string-keyed dictionaries.</summary>
    public object? ToPlain() => node switch
    {
        YamlScalarNode scalar => IsNull(scalar) ? null : scalar.Value,
        YamlSequenceNode => Sequence().Select(child => child.ToPlain()).ToList(),
        YamlMappingNode => Mapping().ToDictionary(e => e.Key, e => e.Value.ToPlain(), StringComparer.Ordinal),
        _ => throw Error("has an unsupported YAML form"),
    };

    public GangwayException Error(string problem)
    {
        var where = Path.Length == 0 ? source : $"{source}, '{Path}' (line {Line.ToString(CultureInfo.InvariantCulture)})";
        return new GangwayException(ErrorKind.InvalidConfiguration, $"{where}: {problem}{(problem.EndsWith('?') ? "" : ".")}");
    }

    private YamlMappingNode AsMap() => node as YamlMappingNode ?? throw Error("must be a mapping (key: value)");

    private string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : throw Error("has a key that is not text");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted, Value: null or "" or "~" or "null" };
}
