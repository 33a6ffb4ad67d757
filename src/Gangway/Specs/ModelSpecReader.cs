using Gangway.Calibration;
using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Specs;

/// <summary>
/// Reads a <see cref="ModelSpec"/> from YAML (JSON is valid YAML, so JSON specs work too).
/// Errors name the key and the line; unknown keys are errors so a typo never silently changes a model.
/// </summary>
public static class ModelSpecReader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "schema", "target", "ids", "inputs", "features", "learner", "seed", "slices", "baselines", "upsell", "promotion", "calibration", "monitoring"];

    /// <summary>Reads and validates a spec file.</summary>
    /// <exception cref="GangwayException">The file is missing (NotFound) or the spec is invalid (InvalidConfiguration).</exception>
    public static ModelSpec ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Spec file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Parses and validates spec text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">A name for messages, e.g. the file name.</param>
    /// <param name="baseDirectory">Where a relative <c>schema:</c> path is resolved (default: the current directory).</param>
    /// <param name="contract">The schema to use instead of reading the spec's <c>schema:</c> file (e.g. the copy stored in a bundle).</param>
    /// <exception cref="GangwayException">The spec is invalid (InvalidConfiguration) or its schema file is missing (NotFound).</exception>
    public static ModelSpec Parse(string text, string source = "spec", string? baseDirectory = null, DataSchema? contract = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = YamlText.Load(text, source);
        spec.EnsureKnownKeys(TopLevelKeys);

        var target = spec.Required("target");
        target.EnsureKnownKeys("column", "positive");
        var contractPath = spec.Optional("schema")?.Scalar();
        contract = contractPath is null ? null : contract ?? DataSchemaReader.ReadFile(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), contractPath));
        var targetColumn = target.Required("column").Scalar();
        var ids = spec.Optional("ids") is { } idNode ? ReadColumns(idNode, contract) : [];
        var inputs = spec.Optional("inputs") is { } inputNode
            ? ReadColumns(inputNode, contract)
            : contract is not null
                ? [.. contract.Columns.Where(c => c.Name != targetColumn && ids.All(i => i.Name != c.Name)).Select(c => new InputColumnSpec(c.Name, c.PhysicalType))]
                : throw spec.Error("needs 'inputs' (or a 'schema' to take them from)");
        if (inputs.Count == 0)
        {
            throw spec.Error("must declare at least one input column");
        }

        var result = new ModelSpec
        {
            Name = ReadName(spec.Required("name")),
            Description = spec.Optional("description")?.Scalar(),
            Target = new TargetSpec(targetColumn, target.Required("positive").Scalar()),
            Contract = contract,
            ContractPath = contractPath,
            IdColumns = ids,
            Inputs = inputs,
            Features = spec.Optional("features") is { } features ? [.. features.Sequence().Select(ReadStep)] : [],
            Learner = ReadStep(spec.Required("learner")),
            Calibration = spec.Optional("calibration") is { } calibration ? ReadCalibration(calibration) : null,
            Seed = spec.Optional("seed") is { } seed ? seed.Int() : 42,
            Slices = spec.Optional("slices") is { } slices ? [.. slices.Sequence().Select(s => s.Scalar())] : [],
            Baselines = spec.Optional("baselines") is { } baselines ? [.. baselines.Sequence().Select(ReadBaseline)] : [],
            Upsell = spec.Optional("upsell") is { } upsell ? ReadUpsell(upsell) : null,
            Promotion = spec.Optional("promotion") is { } promotion ? PromotionSpecReader.Read(promotion) : null,
            Monitoring = spec.Optional("monitoring") is { } monitoring ? MonitoringSpecReader.Read(monitoring, inputs) : null,
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

    // Columns are a map of name → type, or (with a schema) a list of names whose types come from the schema.
    private static List<InputColumnSpec> ReadColumns(SpecNode node, DataSchema? contract) => node.IsSequence
        ? [.. node.Sequence().Select(n => new InputColumnSpec(n.Scalar(), contract?.Find(n.Scalar())?.PhysicalType
            ?? throw n.Error(contract is null ? "lists names only; without a 'schema' give each column a type (name: numeric|text)" : $"names column '{n.Scalar()}', which the schema does not declare")))]
        : [.. node.Mapping().Select(entry => new InputColumnSpec(entry.Key, ReadType(entry.Value)))];

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

    private static UpsellSpec ReadUpsell(SpecNode node)
    {
        node.EnsureKnownKeys("column", "order", "fields", "threshold", "strata", "monotone");
        var fields = node.Optional("fields") is { } fieldNode
            ? fieldNode.Mapping().Select(e => new UpsellFieldSpec(e.Key, ReadStatistic(e.Value))).ToList()
            : [];
        return new UpsellSpec
        {
            Column = node.Required("column").Scalar(),
            Order = [.. node.Required("order").Sequence().Select(s => s.Scalar())],
            Fields = fields,
            Threshold = node.Optional("threshold") is { } threshold ? threshold.Double() : UpsellSpec.DefaultThreshold,
            Strata = node.Optional("strata") is { } strata ? [.. strata.Sequence().Select(s => s.Scalar())] : [],
            Monotone = node.Optional("monotone") is { } monotone && monotone.Bool(),
        };
    }

    // Either the method alone (calibration: platt) or a map with the method and the number of folds.
    private static CalibrationSpec ReadCalibration(SpecNode node)
    {
        if (node.IsMapping)
        {
            node.EnsureKnownKeys("method", "folds");
        }

        var method = node.IsMapping ? node.Required("method") : node;
        var spec = new CalibrationSpec(method.Scalar().ToLowerInvariant() switch
        {
            "platt" or "sigmoid" => CalibrationMethod.Platt,
            "isotonic" => CalibrationMethod.Isotonic,
            var other => throw method.Error($"must be platt or isotonic; got '{other}'"),
        });
        if (node.IsMapping && node.Optional("folds") is { } folds)
        {
            spec = spec with { Folds = folds.Int() };
            if (spec.Folds < 2)
            {
                throw folds.Error($"must be at least 2; got {spec.Folds}");
            }
        }

        return spec;
    }

    private static UpsellStatistic ReadStatistic(SpecNode node) => node.Scalar().ToLowerInvariant() switch
    {
        "median" => UpsellStatistic.Median,
        var other => throw node.Error($"must be a per-tier statistic of the training data (median); got '{other}'"),
    };
}
