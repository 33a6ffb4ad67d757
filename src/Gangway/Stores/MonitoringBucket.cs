using System.Globalization;
using System.Text;

namespace Gangway.Stores;

/// <summary>
/// One time bucket of a replica's monitoring window for one model and variant, as an <see cref="IMonitoringWindowStore"/>
/// keeps it: the records seen from <see cref="Start"/> to <see cref="End"/> summarised in an opaque JSON
/// <see cref="State"/> (a mergeable drift sketch, or data-quality counters). Its key is (<see cref="Model"/>,
/// <see cref="Kind"/>, <see cref="Variant"/>, <see cref="Replica"/>, <see cref="Start"/>): saving a bucket again replaces it.
/// Stores read times back in UTC, to the microsecond at least (whole milliseconds or seconds round-trip exactly).
/// </summary>
/// <param name="Model">The model's name; not empty.</param>
/// <param name="Kind">What the state summarises, e.g. <c>drift</c> or <c>quality</c>; not empty.</param>
/// <param name="Variant">The deployment variant, or the empty string when the model is served without variants.</param>
/// <param name="Replica">The service replica that filled the bucket; not empty.</param>
/// <param name="Start">The start of the bucket's time range (inclusive).</param>
/// <param name="End">The end of the bucket's time range (exclusive); after <paramref name="Start"/>.</param>
/// <param name="Count">The number of records summarised; not negative.</param>
/// <param name="State">The summary as JSON text, read back exactly; at most <see cref="MaxStateBytes"/> in UTF-8.</param>
/// <param name="SavedAt">When the replica saved this state.</param>
public sealed record MonitoringBucket(
    string Model, string Kind, string Variant, string Replica, DateTimeOffset Start, DateTimeOffset End, long Count, string State, DateTimeOffset SavedAt)
{
    /// <summary>The largest <see cref="State"/> a store keeps, in UTF-8 bytes: 4 MiB.</summary>
    public const int MaxStateBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The buckets to save, checked, with a later bucket of a key replacing an earlier one, ordered by key (model, kind,
    /// start, variant, replica, ordinal): stores write them in this order, so that writers saving the same buckets at
    /// once take their locks in the same order and cannot deadlock.
    /// </summary>
    /// <exception cref="ArgumentException">A bucket has an empty model, kind or replica, ends before it starts or has a negative count.</exception>
    /// <exception cref="GangwayException">A bucket's state is larger than <see cref="MaxStateBytes"/> (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static IReadOnlyList<MonitoringBucket> InSaveOrder(IReadOnlyList<MonitoringBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var latest = new Dictionary<(string, string, long, string, string), MonitoringBucket>();
        foreach (var bucket in buckets)
        {
            ArgumentNullException.ThrowIfNull(bucket, nameof(buckets));
            bucket.Validate();
            latest[(bucket.Model, bucket.Kind, bucket.Start.UtcTicks, bucket.Variant, bucket.Replica)] = bucket;
        }

        return [.. latest.Values
            .OrderBy(b => b.Model, StringComparer.Ordinal)
            .ThenBy(b => b.Kind, StringComparer.Ordinal)
            .ThenBy(b => b.Start.UtcTicks)
            .ThenBy(b => b.Variant, StringComparer.Ordinal)
            .ThenBy(b => b.Replica, StringComparer.Ordinal)];
    }

    // The key, for messages: "(model 'churn', kind 'drift', variant 'champion', replica 'r1', start 2026-12-01T10:00:00.0000000Z)".
    private string Key() =>
        string.Create(CultureInfo.InvariantCulture, $"(model '{Model}', kind '{Kind}', variant '{Variant}', replica '{Replica}', start {Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'})");

    private void Validate()
    {
        RequireName(Model, "model");
        RequireName(Kind, "kind");
        ArgumentNullException.ThrowIfNull(Variant, nameof(Variant));
        RequireName(Replica, "replica");
        ArgumentNullException.ThrowIfNull(State, nameof(State));
        if (End <= Start)
        {
            throw new ArgumentException($"Monitoring bucket {Key()} must end after it starts; it ends at {End.UtcDateTime:O}.", nameof(End));
        }

        if (Count < 0)
        {
            throw new ArgumentException($"Monitoring bucket {Key()} must count zero or more records; it counts {Count}.", nameof(Count));
        }

        // Counting bytes only when the text could be too long: a char is at most 3 UTF-8 bytes.
        if (State.Length > MaxStateBytes / 3 && Encoding.UTF8.GetByteCount(State) is var bytes && bytes > MaxStateBytes)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Monitoring bucket {Key()} has a state of {bytes} bytes; a store keeps at most {MaxStateBytes} bytes (4 MiB) per bucket.");
        }
    }

    private void RequireName(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Monitoring bucket {Key()} must name its {name}; it is '{value}'.", name);
        }
    }
}
