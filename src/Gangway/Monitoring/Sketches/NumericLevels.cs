using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// The exact count of each distinct value of a numeric column while it has at most <see cref="Limit"/> of them (a class,
/// a count of siblings), so such a column can also be read as categories; it stops counting, for good, at the first
/// value beyond the limit. NaN is skipped (the quantile sketch counts it as missing). Not thread-safe.
/// </summary>
internal sealed class NumericLevels(int limit)
{
    private Dictionary<double, long>? _counts = [];

    public int Limit { get; } = limit;

    /// <summary>Whether every distinct value has been counted (the limit was never passed).</summary>
    public bool IsComplete => _counts is not null;

    public void Add(double value)
    {
        if (_counts is null || double.IsNaN(value))
        {
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _)++;
        if (_counts.Count > Limit)
        {
            _counts = null;
        }
    }

    public void Add(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (_counts is null)
            {
                return;
            }

            Add(value);
        }
    }

    public void Merge(NumericLevels other)
    {
        if (_counts is null)
        {
            return;
        }

        if (other._counts is null)
        {
            _counts = null;
            return;
        }

        foreach (var (value, count) in other._counts.ToList())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _) += count;
        }

        if (_counts.Count > Limit)
        {
            _counts = null;
        }
    }

    public NumericLevels Clone() => new(Limit) { _counts = _counts is null ? null : new(_counts) };

    /// <summary>The values formatted as categories (<see cref="Column.FormatNumber"/>), or null when the limit was passed.</summary>
    public CategoryDistribution? ToDistribution(long missing) => _counts is null
        ? null
        : new CategoryDistribution(_counts.ToDictionary(e => Column.FormatNumber(e.Key), e => (double)e.Value, StringComparer.Ordinal), 0, missing);

    public IReadOnlyList<NumericLevel>? ToState() =>
        _counts?.OrderBy(e => e.Key).Select(e => new NumericLevel(e.Key, e.Value)).ToList();

    public static NumericLevels FromState(int limit, IReadOnlyList<NumericLevel>? levels, string what)
    {
        var result = new NumericLevels(limit) { _counts = levels is null ? null : [] };
        foreach (var level in levels ?? [])
        {
            if (level is null || double.IsNaN(level.Value) || level.Count <= 0 || !result._counts!.TryAdd(level.Value, level.Count))
            {
                throw new GangwayException(ErrorKind.CorruptArtifact, $"The value counts of {what} are corrupt: value {level?.Value} is NaN, repeated or has a count below 1.");
            }
        }

        return result;
    }
}

/// <summary>One distinct value of a numeric column and how often it occurred.</summary>
internal sealed record NumericLevel(
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Value,
    long Count);
