namespace Gangway.Tuning;

/// <summary>
/// Turns a grid into the candidates to score, deterministically: a grid search takes every combination in file order
/// with the last parameter varying fastest (like scikit-learn's ParameterGrid); a random search draws
/// <see cref="TuningGrid.Trials"/> distinct combinations with <see cref="TuningGrid.Seed"/> (like ParameterSampler over lists).
/// </summary>
public static class CandidateGenerator
{
    /// <summary>The most combinations a grid search will try; larger grids should use a random search.</summary>
    public const int MaxGridCandidates = 10_000;

    /// <summary>The candidates of <paramref name="grid"/>, numbered from 1 in the order they are to be tried.</summary>
    /// <exception cref="GangwayException">A grid search has more than <see cref="MaxGridCandidates"/> combinations (InvalidConfiguration).</exception>
    public static IReadOnlyList<TuningCandidate> Generate(TuningGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var combinations = grid.CombinationCount;
        IEnumerable<long> indices;
        if (grid.Search == SearchKind.Random && grid.Trials is { } trials && trials < combinations)
        {
            indices = Draw(combinations, trials, grid.Seed);
        }
        else if (combinations <= MaxGridCandidates)
        {
            // A random search asking for at least every combination gets them all.
            indices = Enumerable.Range(0, (int)combinations).Select(i => (long)i);
        }
        else
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Grid: a grid search over {(combinations == long.MaxValue ? "too many" : combinations.ToString(System.Globalization.CultureInfo.InvariantCulture))} combinations is more than {MaxGridCandidates}; use 'search: random' with 'trials'.");
        }

        return [.. indices.Select((index, i) => new TuningCandidate(i + 1, Decode(grid.Parameters, index)))];
    }

    private static List<long> Draw(long combinations, int trials, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<long>();
        var drawn = new List<long>(trials);
        while (drawn.Count < trials)
        {
            var index = random.NextInt64(combinations);
            if (seen.Add(index))
            {
                drawn.Add(index);
            }
        }

        return drawn;
    }

    // Mixed-radix digits of the combination's index, the last parameter being the lowest digit.
    private static CandidateParameter[] Decode(IReadOnlyList<TuningParameter> parameters, long index)
    {
        var values = new CandidateParameter[parameters.Count];
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            var count = parameters[i].Values.Count;
            values[i] = new CandidateParameter(parameters[i].Path, parameters[i].Values[(int)(index % count)]);
            index /= count;
        }

        return values;
    }
}
