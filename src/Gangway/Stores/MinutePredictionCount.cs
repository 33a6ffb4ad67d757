using Gangway.PredictionLog;

namespace Gangway.Stores;

/// <summary>
/// The number of records of a batch with one model, variant, shadow flag and minute: what a store adds to its counters
/// when it appends the batch (<see cref="Of"/>), so that <see cref="IPredictionLogStore.CountAsync"/> reads no records.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Variant">The variant, or the empty string for records that name none.</param>
/// <param name="IsShadow">Whether these are a shadow's records.</param>
/// <param name="Minute">The UTC minute the records were scored in (seconds and below zero).</param>
/// <param name="Count">The number of records.</param>
public sealed record MinutePredictionCount(string Model, string Variant, bool IsShadow, DateTimeOffset Minute, long Count)
{
    /// <summary>
    /// The records counted per model, variant, shadow flag and minute, ordered by those keys (ordinal), so that writers
    /// updating the same counters at once take their locks in the same order.
    /// </summary>
    public static IReadOnlyList<MinutePredictionCount> Of(IReadOnlyList<PredictionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var counts = new Dictionary<(string Model, string Variant, bool IsShadow, long Minute), long>();
        // Records of one key come in runs; counting a run before touching the dictionary keeps the append path cheap.
        (string Model, string Variant, bool IsShadow, long Minute) last = default;
        long run = 0;
        foreach (var record in records)
        {
            var key = (record.Model, record.Variant ?? "", record.IsShadow, record.Time.UtcTicks / TimeSpan.TicksPerMinute);
            if (run > 0 && key == last)
            {
                run++;
                continue;
            }

            if (run > 0)
            {
                counts[last] = counts.GetValueOrDefault(last) + run;
            }

            (last, run) = (key, 1);
        }

        if (run > 0)
        {
            counts[last] = counts.GetValueOrDefault(last) + run;
        }

        return [.. counts
            .OrderBy(c => c.Key.Model, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Variant, StringComparer.Ordinal)
            .ThenBy(c => c.Key.IsShadow)
            .ThenBy(c => c.Key.Minute)
            .Select(c => new MinutePredictionCount(
                c.Key.Model, c.Key.Variant, c.Key.IsShadow, new DateTimeOffset(c.Key.Minute * TimeSpan.TicksPerMinute, TimeSpan.Zero), c.Value))];
    }

    /// <summary><paramref name="time"/> rounded down to its UTC minute, the start of the counters <see cref="IPredictionLogStore.CountAsync"/> sums.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset time) =>
        new(time.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
