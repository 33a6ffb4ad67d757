using System.Globalization;
using Gangway.Specs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gangway.Schema;

/// <summary>Reads a <see cref="DataSchema"/> from YAML (or JSON). Unknown keys are errors; errors name the key and line.</summary>
public static class DataSchemaReader
{
    private static readonly string[] ColumnKeys =
        ["type", "nullable", "values", "min", "max", "max_missing_rate", "pattern", "max_length", "pii", "warn", "role", "description"];

    /// <summary>Reads and checks a schema file.</summary>
    /// <exception cref="GangwayException">The file is missing (NotFound) or the schema is invalid (InvalidConfiguration).</exception>
    public static DataSchema ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path))
            : throw new GangwayException(ErrorKind.NotFound, $"Schema file '{path}' does not exist.");
    }

    /// <summary>Parses and checks schema text.</summary>
    /// <exception cref="GangwayException">The schema is invalid (InvalidConfiguration).</exception>
    public static DataSchema Parse(string text, string source = "schema")
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = YamlText.Load(text, source);
        root.EnsureKnownKeys("columns", "description");
        return new DataSchema(root.Required("columns").Mapping().Select(entry => ReadColumn(entry.Key, entry.Value)));
    }

    private static ColumnSchema ReadColumn(string name, SpecNode node)
    {
        node.EnsureKnownKeys(ColumnKeys);
        var type = node.Required("type").Scalar().ToLowerInvariant() switch
        {
            "integer" or "int" => SchemaType.Integer,
            "real" or "number" or "float" => SchemaType.Real,
            "boolean" or "bool" => SchemaType.Boolean,
            "category" => SchemaType.Category,
            "text" or "string" => SchemaType.Text,
            "datetime" or "date" => SchemaType.DateTime,
            var other => throw node.Required("type").Error($"must be integer, real, boolean, category, text or datetime; got '{other}'"),
        };
        return new ColumnSchema
        {
            Name = name,
            Type = type,
            Nullable = node.Optional("nullable")?.Bool() ?? true,
            AllowedValues = node.Optional("values") is { } values ? [.. values.Sequence().Select(v => v.Scalar())] : null,
            Min = node.Optional("min")?.Double(),
            Max = node.Optional("max")?.Double(),
            MaxMissingRate = node.Optional("max_missing_rate")?.Double(),
            Pattern = node.Optional("pattern")?.Scalar(),
            MaxLength = node.Optional("max_length")?.Int(),
            Pii = node.Optional("pii")?.Bool() ?? false,
            Warnings = node.Optional("warn") is { } warn ? warn.Sequence().Select(ReadRule).ToHashSet() : [],
            Role = node.Optional("role") is { } role ? ReadRole(role) : ContractRole.Input,
            Description = node.Optional("description")?.Scalar(),
        };
    }

    private static ContractRole ReadRole(SpecNode node) => node.Scalar().ToLowerInvariant() switch
    {
        "input" => ContractRole.Input,
        "id" => ContractRole.Id,
        "label" => ContractRole.Label,
        var other => throw node.Error($"must be input, id or label; got '{other}'"),
    };

    private static ValidationRule ReadRule(SpecNode node) =>
        RuleNames.Parse(node.Scalar()) ?? throw node.Error($"must name a rule ({string.Join(", ", RuleNames.All)}); got '{node.Scalar()}'");
}
