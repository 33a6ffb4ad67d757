using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// A sliding window of table sketches over time and rows, as the service keeps one per variant: the window is cut into
/// buckets of equal time (<see cref="BucketLength"/>, aligned to the Unix epoch so every replica cuts the same
/// buckets), rows go into the bucket of the time they were scored, and <see cref="Merge"/> sums the newest buckets of
/// this window and any others (another replica's, or this service's before a restart, read from the store) until the
/// window's time or its row limit is reached. A bucket is taken whole, so the merged window holds at least
/// <see cref="MaxRows"/> rows when that many were seen, and at most one bucket more. Not thread-safe: one writer.
/// </summary>
public sealed class SketchWindow
{
    private readonly Func<TableSketch> _empty;
    private readonly SortedDictionary<DateTimeOffset, TableSketch> _buckets = [];

    /// <summary>A window of <paramref name="length"/> and at most <paramref name="maxRows"/> rows, in <paramref name="buckets"/> buckets.</summary>
    /// <param name="empty">Makes an empty sketch of the monitored columns.</param>
    /// <param name="length">How far back the window reaches, e.g. one hour; at least one second.</param>
    /// <param name="maxRows">The newest rows the window holds, e.g. 10,000; at least 1.</param>
    /// <param name="buckets">How many buckets the length is cut into, 1 to 1,440 (default 12: five minutes of an hour).</param>
    /// <exception cref="ArgumentOutOfRangeException">A length, row limit or bucket count out of range.</exception>
    public SketchWindow(Func<TableSketch> empty, TimeSpan length, int maxRows, int buckets = 12)
    {
        ArgumentNullException.ThrowIfNull(empty);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, 1440);
        _empty = empty;
        Length = length;
        MaxRows = maxRows;
        BucketLength = length / buckets;
    }

    /// <summary>How far back the window reaches.</summary>
    public TimeSpan Length { get; }

    /// <summary>The newest rows the window holds.</summary>
    public int MaxRows { get; }

    /// <summary>The time each bucket covers.</summary>
    public TimeSpan BucketLength { get; }

    /// <summary>This window's own buckets, oldest first: their start, end and sketch.</summary>
    public IReadOnlyList<WindowBucket> Buckets => [.. _buckets.Select(b => new WindowBucket(b.Key, b.Key + BucketLength, b.Value))];

    /// <summary>Adds the rows of <paramref name="table"/>, scored at <paramref name="time"/>, and forgets buckets older than the window.</summary>
    public void Add(Table table, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(table);
        Bucket(time).Add(table);
        Forget(time);
    }

    /// <summary>Adds one row of <paramref name="table"/>, scored at <paramref name="time"/>.</summary>
    public void Add(Table table, int row, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(table);
        Bucket(time).Add(table, row);
        Forget(time);
    }

    /// <summary>Empties the window (the served model changed, so the rows no longer belong to its reference).</summary>
    public void Clear() => _buckets.Clear();

    /// <summary>The start of the bucket <paramref name="time"/> falls in.</summary>
    public DateTimeOffset BucketStart(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (((ticks % BucketLength.Ticks) + BucketLength.Ticks) % BucketLength.Ticks));
    }

    /// <summary>
    /// The window at <paramref name="now"/>: this window's buckets and <paramref name="others"/> that end after
    /// <paramref name="now"/> minus <see cref="Length"/>, newest first until <see cref="MaxRows"/> rows, merged.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="others">Buckets from elsewhere (other replicas, an earlier run), with the same columns.</param>
    /// <returns>The merged sketch, and the time span its buckets cover (null for an empty window).</returns>
    public (TableSketch Sketch, DateTimeOffset? From, DateTimeOffset? To) Merge(DateTimeOffset now, IEnumerable<WindowBucket> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var since = now - Length;
        var merged = _empty();
        DateTimeOffset? from = null, to = null;
        foreach (var bucket in Buckets.Concat(others).Where(b => b.End > since && b.Sketch.RowCount > 0).OrderByDescending(b => b.Start))
        {
            if (merged.RowCount >= MaxRows)
            {
                break;
            }

            merged.Merge(bucket.Sketch);
            from = from is { } f && f < bucket.Start ? f : bucket.Start;
            to = to is { } t && t > bucket.End ? t : bucket.End;
        }

        return (merged, from, to);
    }

    private TableSketch Bucket(DateTimeOffset time)
    {
        var start = BucketStart(time);
        if (!_buckets.TryGetValue(start, out var sketch))
        {
            _buckets[start] = sketch = _empty();
        }

        return sketch;
    }

    private void Forget(DateTimeOffset now)
    {
        var since = now - Length;
        while (_buckets.Count > 0 && _buckets.First() is var oldest && oldest.Key + BucketLength <= since)
        {
            _buckets.Remove(oldest.Key);
        }
    }
}
