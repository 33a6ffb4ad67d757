using System.Globalization;
using System.Text.RegularExpressions;
using Gangway.Specs;

namespace Gangway.Tuning;

/// <summary>Where in a spec a grid parameter path points: the seed, a learner argument or a feature step's argument.</summary>
/// <param name="FeatureIndex">The feature step's position, or null for the learner or the seed.</param>
/// <param name="Argument">The argument's name, or null for the seed.</param>
internal sealed partial record ParameterTarget(int? FeatureIndex, string? Argument)
{
    public bool IsSeed => Argument is null;

    /// <summary>Resolves <paramref name="path"/> against <paramref name="spec"/>.</summary>
    /// <exception cref="GangwayException">The path names nothing in the spec; the message lists the steps present.</exception>
    public static ParameterTarget Resolve(ModelSpec spec, string path)
    {
        if (path == "seed")
        {
            return new ParameterTarget(null, null);
        }

        var match = Pattern().Match(path);
        if (!match.Success)
        {
            throw Error(spec, path, "is not a spec parameter; use 'seed', 'learner.<argument>', 'features.<step>.<argument>' or 'features[<index>].<argument>'");
        }

        var argument = match.Groups["argument"].Value;
        if (match.Groups["learner"].Success)
        {
            return new ParameterTarget(null, argument);
        }

        if (match.Groups["index"].Success)
        {
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            return index < spec.Features.Count
                ? new ParameterTarget(index, argument)
                : throw Error(spec, path, $"names feature step {index}, but the spec has {spec.Features.Count}");
        }

        var step = match.Groups["step"].Value;
        var positions = Enumerable.Range(0, spec.Features.Count).Where(i => spec.Features[i].Name == step).ToList();
        return positions.Count switch
        {
            1 => new ParameterTarget(positions[0], argument),
            0 => throw Error(spec, path, $"names feature step '{step}', which the spec does not have"),
            _ => throw Error(spec, path, $"is ambiguous: the spec has {positions.Count} '{step}' steps; name one by position, e.g. 'features[{positions[0]}].{argument}'"),
        };
    }

    private static GangwayException Error(ModelSpec spec, string path, string problem)
    {
        var steps = spec.Features.Select((s, i) => $"features[{i}] {s.Name}").Append($"learner {spec.Learner.Name}");
        return new GangwayException(
            ErrorKind.InvalidConfiguration,
            $"Grid parameter '{path}' {problem}. Steps present in spec '{spec.Name}': {string.Join(", ", steps)}.");
    }

    [GeneratedRegex(@"^(?:(?<learner>learner)|features\[(?<index>[0-9]{1,4})\]|features\.(?<step>[A-Za-z0-9_-]+))\.(?<argument>[A-Za-z0-9_]+)$")]
    private static partial Regex Pattern();
}
