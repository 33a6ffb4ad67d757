using Gangway.Specs;

namespace Gangway.Tuning;

/// <summary>
/// Reads a <see cref="TuningGrid"/> from YAML or JSON. Errors name the key and the line; unknown keys are errors.
/// Whether each parameter exists in a spec is checked against the spec by <see cref="CandidateSpecs.Check"/>.
/// </summary>
public static class TuningGridReader
{
    private static readonly string[] Keys = ["metric", "folds", "repeats", "search", "trials", "seed", "parameters"];

    /// <summary>Reads and validates a grid file.</summary>
    /// <exception cref="GangwayException">The file is missing (NotFound) or the grid is invalid (InvalidConfiguration).</exception>
    public static TuningGrid ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path))
            : throw new GangwayException(ErrorKind.NotFound, $"Grid file '{path}' does not exist.");
    }

    /// <summary>Parses and validates grid text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">A name for messages, e.g. the file name.</param>
    /// <exception cref="GangwayException">The grid is invalid (InvalidConfiguration); the message names the key and the value.</exception>
    public static TuningGrid Parse(string text, string source = "grid")
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = YamlText.Load(text, source);
        root.EnsureKnownKeys(Keys);
        var metricNode = root.Required("metric");
        var metric = metricNode.Scalar();
        if (!TuningMetric.IsKnown(metric))
        {
            throw metricNode.Error($"must be one of {string.Join(", ", TuningMetric.Names)}; got '{metric}'");
        }

        var folds = root.Optional("folds") is { } foldNode ? AtLeast(foldNode, 2) : 5;
        var repeats = root.Optional("repeats") is { } repeatNode ? AtLeast(repeatNode, 1) : 1;
        var search = root.Optional("search") is { } searchNode ? ReadSearch(searchNode) : SearchKind.Grid;
        var trialNode = root.Optional("trials");
        int? trials = (search, trialNode) switch
        {
            (SearchKind.Random, null) => throw root.Error("needs 'trials' (how many candidates to draw) with 'search: random'"),
            (SearchKind.Random, _) => AtLeast(trialNode, 1),
            (_, null) => null,
            _ => throw trialNode.Error("only applies to 'search: random'; a grid search tries every combination"),
        };
        var grid = new TuningGrid
        {
            Metric = metric,
            Folds = folds,
            Repeats = repeats,
            Search = search,
            Trials = trials,
            Seed = root.Optional("seed") is { } seed ? seed.Int() : 42,
            Parameters = ReadParameters(root.Required("parameters")),
        };
        return grid;
    }

    private static List<TuningParameter> ReadParameters(SpecNode node)
    {
        var entries = node.Mapping();
        if (entries.Count == 0)
        {
            throw node.Error("must list at least one parameter (path: [values])");
        }

        var parameters = new List<TuningParameter>();
        foreach (var (path, valuesNode) in entries)
        {
            var values = valuesNode.IsSequence
                ? valuesNode.Sequence().Select(v => v.ToPlain()).ToList()
                : throw valuesNode.Error("must be a list of values to try, e.g. [50, 100]");
            if (values.Count == 0)
            {
                throw valuesNode.Error("must list at least one value to try");
            }

            var texts = values.Select(CandidateParameter.Format).ToList();
            if (texts.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                throw valuesNode.Error($"lists the value '{repeated.Key}' more than once");
            }

            parameters.Add(new TuningParameter(path, values));
        }

        return parameters;
    }

    private static SearchKind ReadSearch(SpecNode node) => node.Scalar().ToLowerInvariant() switch
    {
        "grid" => SearchKind.Grid,
        "random" => SearchKind.Random,
        var other => throw node.Error($"must be grid or random; got '{other}'"),
    };

    private static int AtLeast(SpecNode node, int minimum)
    {
        var value = node.Int();
        return value >= minimum ? value : throw node.Error($"must be at least {minimum}; got {value}");
    }
}
