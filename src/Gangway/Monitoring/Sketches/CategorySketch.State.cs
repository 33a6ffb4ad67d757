namespace Gangway.Monitoring;

public sealed partial class CategorySketch
{
    internal CategorySketchState ToState() => new(
        Capacity,
        Count,
        Missing,
        OtherCount,
        [.. _counts.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new CategoryCount(e.Key, e.Value))]);

    /// <summary>Rebuilds a sketch saved by <see cref="ToState"/>, checking that its parts agree.</summary>
    /// <exception cref="GangwayException">The state is inconsistent (<see cref="ErrorKind.CorruptArtifact"/>, naming <paramref name="what"/>).</exception>
    internal static CategorySketch FromState(CategorySketchState state, string what)
    {
        GangwayException Corrupt(string rule) => new(ErrorKind.CorruptArtifact, $"The category sketch of {what} is corrupt: {rule}.");

        if (state.Capacity is < 1 or > MaxCapacity || state.Items.Count > state.Capacity)
        {
            throw Corrupt($"it holds {state.Items.Count} categories with capacity {state.Capacity}");
        }

        if (state.Count < 0 || state.Missing < 0 || state.OtherCount < 0)
        {
            throw Corrupt("a count is negative");
        }

        var sketch = new CategorySketch(state.Capacity) { Count = state.Count, Missing = state.Missing, OtherCount = state.OtherCount };
        foreach (var item in state.Items)
        {
            if (item?.Value is null || item.Count <= 0 || !sketch._counts.TryAdd(item.Value, item.Count))
            {
                throw Corrupt($"category '{item?.Value}' is null, repeated or has a count below 1");
            }
        }

        if (sketch._counts.Values.Sum() + state.OtherCount != state.Count)
        {
            throw Corrupt($"its categories and other count add up to {sketch._counts.Values.Sum() + state.OtherCount}, not its count {state.Count}");
        }

        return sketch;
    }
}

/// <summary>A <see cref="CategorySketch"/> as stored in JSON.</summary>
internal sealed record CategorySketchState(int Capacity, long Count, long Missing, long OtherCount, IReadOnlyList<CategoryCount> Items);

/// <summary>One counted category.</summary>
internal sealed record CategoryCount(string Value, long Count);
