using System.Globalization;
using Gangway.Learners;
using Gangway.Specs;

namespace Gangway.Tuning;

/// <summary>
/// Orders a grid's candidates from simplest, for the one-standard-error rule. The keys, most important first:
/// <list type="number">
/// <item>the tuned learner arguments the learner declares in <see cref="LearnerCatalog.Simplicity"/>, in its order
/// (e.g. fewer trees, then fewer leaves, then a larger <c>min_leaf</c>), when every value in the grid is a number;</item>
/// <item>tuned feature-step arguments whose every value is a list, in grid order: fewer items is simpler (e.g.
/// <c>features.select.columns: [[Pclass, Sex], [Pclass, Sex, Title]]</c> — fewer selected columns), except for a
/// <c>drop</c> step, where more items (more columns dropped) is simpler;</item>
/// <item>grid order: the earlier candidate.</item>
/// </list>
/// Any other tuned parameter (the seed, a learning rate, a scalar feature argument) cannot be ranked and is ignored; it is
/// listed in <see cref="Unranked"/> so reports can say so.
/// </summary>
public sealed class SimplicityOrder
{
    private readonly IReadOnlyList<Key> _keys;

    private SimplicityOrder(IReadOnlyList<Key> keys, IReadOnlyList<string> unranked)
    {
        _keys = keys;
        Unranked = unranked;
    }

    /// <summary>An order with no keys: grid order only.</summary>
    public static SimplicityOrder GridOrder { get; } = new([], []);

    /// <summary>The keys in priority order, in words, e.g. <c>smaller learner.trees</c>, <c>fewer items in features.select.columns</c>.</summary>
    public IReadOnlyList<string> Rules => [.. _keys.Select(k => k.Description)];

    /// <summary>The tuned parameter paths that are not ranked (they play no part in the order).</summary>
    public IReadOnlyList<string> Unranked { get; }

    /// <summary>The order for the candidates of <paramref name="grid"/> on <paramref name="spec"/>, with the learners of <paramref name="catalog"/> (default: <see cref="GangwayCatalog.BuiltIn"/>).</summary>
    public static SimplicityOrder For(ModelSpec spec, TuningGrid grid, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        var learnerRules = (catalog ?? GangwayCatalog.BuiltIn).Learners.Simplicity(spec.Learner.Name);
        var keys = new List<Key>();
        foreach (var rule in learnerRules)
        {
            var path = "learner." + rule.Argument;
            if (grid.Parameters.FirstOrDefault(p => p.Path == path) is { } parameter && parameter.Values.All(v => Number(v) is not null))
            {
                var sign = rule.SmallerIsSimpler ? 1 : -1;
                keys.Add(new Key(path, $"{(rule.SmallerIsSimpler ? "smaller" : "larger")} {path}", value => sign * Number(value)!.Value));
            }
        }

        foreach (var parameter in grid.Parameters.Where(p => p.Path.StartsWith("features", StringComparison.Ordinal)))
        {
            if (parameter.Values.All(v => v is IEnumerable<object?> and not IReadOnlyDictionary<string, object?>))
            {
                // A drop step's list names what the model does not see: there, more items is the simpler model.
                var drops = ParameterTarget.Resolve(spec, parameter.Path).FeatureIndex is { } index && spec.Features[index].Name == "drop";
                keys.Add(drops
                    ? new Key(parameter.Path, $"more items in {parameter.Path}", value => -((IEnumerable<object?>)value!).Count())
                    : new Key(parameter.Path, $"fewer items in {parameter.Path}", value => ((IEnumerable<object?>)value!).Count()));
            }
        }

        var unranked = grid.Parameters.Select(p => p.Path).Where(path => keys.All(k => k.Path != path)).ToList();
        return new SimplicityOrder(keys, unranked);
    }

    /// <summary>
    /// Compares two candidates of the grid: negative when <paramref name="a"/> is simpler, positive when
    /// <paramref name="b"/> is; equal keys fall back to grid order (the smaller candidate number), so it is never 0 for two different candidates.
    /// </summary>
    public int Compare(TuningCandidate a, TuningCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var key in _keys)
        {
            var order = key.Value(ValueOf(a, key.Path)).CompareTo(key.Value(ValueOf(b, key.Path)));
            if (order != 0)
            {
                return order;
            }
        }

        return a.Number.CompareTo(b.Number);
    }

    /// <summary>The simplest of <paramref name="candidates"/> by <see cref="Compare"/>.</summary>
    /// <exception cref="ArgumentException">No candidate is given.</exception>
    public TuningCandidate Simplest(IEnumerable<TuningCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        return list.Count == 0
            ? throw new ArgumentException("At least one candidate is needed.", nameof(candidates))
            : list.Aggregate((simplest, next) => Compare(next, simplest) < 0 ? next : simplest);
    }

    private static object? ValueOf(TuningCandidate candidate, string path) =>
        candidate.Parameters.First(p => p.Path == path).Value;

    private static double? Number(object? value) =>
        value is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    private sealed record Key(string Path, string Description, Func<object?, double> Value);
}
