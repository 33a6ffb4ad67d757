using System.Runtime.InteropServices;

namespace Gangway.Monitoring;

/// <summary>
/// A mergeable frequent-items sketch of a text stream (Misra–Gries, merged as Agarwal et al., "Mergeable Summaries",
/// 2012). It counts up to <see cref="Capacity"/> categories exactly; when a new category arrives with the table full,
/// every count drops by one and those reaching zero are forgotten. So while the column has at most
/// <see cref="Capacity"/> distinct values the counts are exact; beyond that every category seen more than
/// <see cref="Count"/> / (<see cref="Capacity"/> + 1) times is kept, each count is at most that much too low, and the
/// weight taken away is reported as <see cref="CategoryDistribution.OtherCount"/>. Null counts as missing.
/// Deterministic: the same values in the same order give the same sketch. Not thread-safe.
/// </summary>
public sealed partial class CategorySketch
{
    /// <summary>The default number of categories counted.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>The largest capacity accepted.</summary>
    public const int MaxCapacity = 1_000_000;

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly string[] _keys;

    /// <summary>An empty sketch.</summary>
    /// <param name="capacity">How many categories are counted at most.</param>
    /// <exception cref="GangwayException"><paramref name="capacity"/> is outside [1, <see cref="MaxCapacity"/>] (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public CategorySketch(int capacity = DefaultCapacity)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"A category sketch's capacity must be between 1 and {MaxCapacity}; it is {capacity}.");
        }

        Capacity = capacity;
        _keys = new string[capacity + 1];
    }

    /// <summary>How many categories are counted at most.</summary>
    public int Capacity { get; }

    /// <summary>How many values (not null) were added.</summary>
    public long Count { get; private set; }

    /// <summary>How many null (missing) values were added.</summary>
    public long Missing { get; private set; }

    /// <summary>Whether every count is exact (the column never had more distinct values than <see cref="Capacity"/>).</summary>
    public bool IsExact => OtherCount == 0;

    /// <summary>How many categories are counted now.</summary>
    public int ItemCount => _counts.Count;

    // The weight taken away from the counts; every added value is either counted or here.
    private long OtherCount { get; set; }

    /// <summary>Adds one value; null counts as missing.</summary>
    public void Add(string? value)
    {
        if (value is null)
        {
            Missing++;
            return;
        }

        Count++;
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _);
        count++;
        if (_counts.Count > Capacity)
        {
            Decrement(1);
        }
    }

    /// <summary>Counts <paramref name="count"/> missing values at once (a column a table lacked).</summary>
    internal void AddMissing(long count) => Missing += count;

    /// <summary>The estimated count of <paramref name="category"/>: exact while <see cref="IsExact"/>, else at most Count / (Capacity + 1) too low.</summary>
    public long Estimate(string category) => _counts.GetValueOrDefault(category);

    /// <summary>
    /// Adds everything <paramref name="other"/> saw; <paramref name="other"/> is not changed. The counts are summed and, if
    /// more than <see cref="Capacity"/> categories result, the (Capacity + 1)-th largest count is taken from every count.
    /// </summary>
    public void Merge(CategorySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            other = Clone();
        }

        Count += other.Count;
        Missing += other.Missing;
        OtherCount += other.OtherCount;
        foreach (var (category, count) in other._counts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, category, out _) += count;
        }

        if (_counts.Count > Capacity)
        {
            var counts = _counts.Values.ToArray();
            Array.Sort(counts, (a, b) => b.CompareTo(a));
            Decrement(counts[Capacity]);
        }
    }

    /// <summary>An independent copy.</summary>
    public CategorySketch Clone()
    {
        var copy = new CategorySketch(Capacity) { Count = Count, Missing = Missing, OtherCount = OtherCount };
        foreach (var (category, count) in _counts)
        {
            copy._counts.Add(category, count);
        }

        return copy;
    }

    /// <summary>The counted categories, the weight of the rest as <see cref="CategoryDistribution.OtherCount"/>, and the missing count.</summary>
    public CategoryDistribution ToDistribution() =>
        new(_counts.ToDictionary(e => e.Key, e => (double)e.Value, StringComparer.Ordinal), OtherCount, Missing);

    private void Decrement(long amount)
    {
        var n = _counts.Count;
        if (n > _keys.Length)
        {
            // Only after a merge: rare, so a temporary array is fine.
            DecrementKeys(amount, [.. _counts.Keys]);
            return;
        }

        _counts.Keys.CopyTo(_keys, 0);
        DecrementKeys(amount, _keys.AsSpan(0, n));
        Array.Clear(_keys);
    }

    private void DecrementKeys(long amount, ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
            var taken = Math.Min(count, amount);
            OtherCount += taken;
            count -= taken;
            if (count == 0)
            {
                _counts.Remove(key);
            }
        }
    }
}
