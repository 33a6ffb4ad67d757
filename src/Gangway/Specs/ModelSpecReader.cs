using Gangway.Data;

namespace Gangway.Specs;

/// <summary>
/// Reads a <see cref="ModelSpec"/> from YAML (JSON is valid YAML, so JSON specs work too).
/// Errors name the key and the line; unknown keys are errors so a typo never silently changes a model.
/// </summary>
public static class ModelSpecReader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "target", "ids", "inputs", "features", "learner", "seed", "slices", "baselines"];

    /// <summary>Reads and validates a spec file.</summary>
    /// <exception cref="GangwayException">The file is missing (NotFound) or the spec is invalid (InvalidConfiguration).</exception>
    public static ModelSpec ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Spec file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses and validates spec text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">A name for messages, e.g. the file name.</param>
    /// <exception cref="GangwayException">The spec is invalid (InvalidConfiguration).</exception>
    public static ModelSpec Parse(string text, string source = "spec")
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = YamlText.Load(text, source);
        spec.EnsureKnownKeys(TopLevelKeys);

        var target = spec.Required("target");
        target.EnsureKnownKeys("column", "positive");
        var inputs = ReadColumns(spec.Required("inputs"));
        if (inputs.Count == 0)
        {
            throw spec.Required("inputs").Error("must declare at least one input column");
        }

        var result = new ModelSpec
        {
            Name = ReadName(spec.Required("name")),
            Description = spec.Optional("description")?.Scalar(),
            Target = new TargetSpec(target.Required("column").Scalar(), target.Required("positive").Scalar()),
            IdColumns = spec.Optional("ids") is { } ids ? ReadColumns(ids) : [],
            Inputs = inputs,
            Features = spec.Optional("features") is { } features ? [.. features.Sequence().Select(ReadStep)] : [],
            Learner = ReadStep(spec.Required("learner")),
            Seed = spec.Optional("seed") is { } seed ? seed.Int() : 42,
            Slices = spec.Optional("slices") is { } slices ? [.. slices.Sequence().Select(s => s.Scalar())] : [],
            Baselines = spec.Optional("baselines") is { } baselines ? [.. baselines.Sequence().Select(ReadBaseline)] : [],
        };
        ModelSpecValidator.Validate(result);
        return result;
    }

    private static string ReadName(SpecNode node)
    {
        var name = node.Scalar();
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw node.Error($"must use only letters, digits, '-', '_' and '.'; got '{name}'");
    }

    private static List<InputColumnSpec> ReadColumns(SpecNode node) =>
        [.. node.Mapping().Select(entry => new InputColumnSpec(entry.Key, ReadType(entry.Value)))];

    private static ColumnType ReadType(SpecNode node) => node.Scalar().ToLowerInvariant() switch
    {
        "numeric" or "number" => ColumnType.Numeric,
        "text" or "string" => ColumnType.Text,
        var other => throw node.Error($"must be a column type (numeric or text); got '{other}'"),
    };

    private static StepSpec ReadStep(SpecNode node)
    {
        var entries = node.Mapping();
        var key = node.Path.StartsWith("learner", StringComparison.Ordinal) ? "type" : "step";
        var nameEntry = entries.FirstOrDefault(e => e.Key == key);
        if (nameEntry.Value is null)
        {
            throw node.Error($"needs '{key}' (the catalog name)");
        }

        var arguments = entries.Where(e => e.Key != key).ToDictionary(e => e.Key, e => e.Value.ToPlain(), StringComparer.Ordinal);
        return new StepSpec(nameEntry.Value.Scalar(), arguments, $"{node.Path}, line {node.Line}");
    }

    private static RuleBaselineSpec ReadBaseline(SpecNode node)
    {
        node.EnsureKnownKeys("name", "column", "equals");
        return new RuleBaselineSpec(node.Required("name").Scalar(), node.Required("column").Scalar(), node.Required("equals").Scalar());
    }
}
