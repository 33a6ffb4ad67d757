using System.Text.Json.Serialization;

namespace Gangway.Monitoring;

public sealed partial class KllSketch
{
    // Levels deeper than this would stand for more values than a long can count.
    private const int MaxLevels = 62;

    internal KllSketchState ToState() => new(
        K,
        Count,
        Missing,
        Count == 0 ? null : Min,
        Count == 0 ? null : Max,
        _random,
        [.. _sizes],
        [.. _levels.SelectMany((level, h) => level.Take(_sizes[h]))]);

    /// <summary>Rebuilds a sketch saved by <see cref="ToState"/>, checking that its parts agree.</summary>
    /// <exception cref="GangwayException">The state is inconsistent (<see cref="ErrorKind.CorruptArtifact"/>, naming <paramref name="what"/>).</exception>
    internal static KllSketch FromState(KllSketchState state, string what)
    {
        GangwayException Corrupt(string rule) => new(ErrorKind.CorruptArtifact, $"The quantile sketch of {what} is corrupt: {rule}.");

        if (state.K is < MinK or > MaxK)
        {
            throw Corrupt($"k is {state.K}, outside [{MinK}, {MaxK}]");
        }

        if (state.Count < 0 || state.Missing < 0)
        {
            throw Corrupt($"the counts {state.Count} and {state.Missing} must not be negative");
        }

        var sizes = state.LevelSizes;
        if (sizes.Count is 0 or > MaxLevels || sizes.Any(size => size < 0) || sizes.Sum(size => (long)size) != state.Values.Length)
        {
            throw Corrupt($"it has {sizes.Count} levels of sizes {string.Join(", ", sizes)} for {state.Values.Length} values; it must have 1 to {MaxLevels} levels holding them all");
        }

        if (state.Values.Any(v => double.IsNaN(v) || v < state.Min || v > state.Max))
        {
            throw Corrupt("it holds NaN or a value outside [min, max]");
        }

        var weight = sizes.Select((size, h) => size * Math.Pow(2, h)).Sum();
        if (weight != state.Count || (state.Count > 0) != (state.Min is not null && state.Max is not null))
        {
            throw Corrupt($"its levels stand for {weight} values and its min and max for {(state.Min is null ? "none" : "some")}, but its count is {state.Count}");
        }

        var sketch = new KllSketch(state.K);
        while (sketch._levels.Length < sizes.Count)
        {
            sketch.Grow();
        }

        var at = 0;
        for (var h = 0; h < sizes.Count; h++)
        {
            sketch.AppendToLevel(h, state.Values.AsSpan(at, sizes[h]));
            at += sizes[h];
        }

        sketch.Count = state.Count;
        sketch.Missing = state.Missing;
        sketch.Min = state.Min ?? double.NaN;
        sketch.Max = state.Max ?? double.NaN;
        sketch._random = state.Random;
        while (sketch._retained >= sketch._maxRetained)
        {
            sketch.Compress(lazy: false);
        }

        return sketch;
    }
}

/// <summary>
/// A <see cref="KllSketch"/> as stored in JSON: the kept values level by level, lowest first, with the size of each level
/// (a value at level h stands for 2^h values).
/// </summary>
internal sealed record KllSketchState(
    int K,
    long Count,
    long Missing,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Min,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Max,
    ulong Random,
    IReadOnlyList<int> LevelSizes,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double[] Values);
