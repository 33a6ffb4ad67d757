using System.Globalization;
using Gangway.PredictionLog;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for the per-minute prediction counters (<c>prediction_counts</c>, migration 0005).</summary>
internal static class SqlitePredictionCounts
{
    // The minute as the first 16 characters of a record's time text (SqliteTime), so the back-fill and this agree.
    private const string MinuteFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] UpsertParameters = ["$model", "$minute", "$variant", "$shadow", "$n"];

    /// <summary>Adds the batch to the counters: one upsert per (model, minute, variant, shadow), a few per batch.</summary>
    public static void Add(SqliteTransaction transaction, IReadOnlyList<PredictionRecord> records)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO prediction_counts (model, minute, variant, is_shadow, n) VALUES ($model, $minute, $variant, $shadow, $n) " +
            "ON CONFLICT (model, minute, variant, is_shadow) DO UPDATE SET n = n + excluded.n";
        var parameters = UpsertParameters.Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        foreach (var count in MinutePredictionCount.Of(records))
        {
            parameters[0].Value = count.Model;
            parameters[1].Value = Minute(count.Minute);
            parameters[2].Value = count.Variant;
            parameters[3].Value = count.IsShadow ? 1 : 0;
            parameters[4].Value = count.Count;
            command.ExecuteNonQuery();
        }
    }

    public static List<PredictionCount> Count(SqliteTransaction transaction, string model, DateTimeOffset since) =>
        transaction.Query(
            "SELECT variant, is_shadow, sum(n) FROM prediction_counts WHERE model = $model AND minute >= $minute GROUP BY variant, is_shadow ORDER BY is_shadow, variant",
            reader => new PredictionCount(reader.GetString(0) is { Length: > 0 } variant ? variant : null, reader.GetInt64(1) != 0, reader.GetInt64(2)),
            ("$model", model), ("$minute", Minute(since)));

    /// <summary>Deletes the counters of the minutes entirely before <paramref name="cutoff"/>; there are few, so in one statement.</summary>
    public static int DeleteBefore(SqliteTransaction transaction, DateTimeOffset cutoff) =>
        transaction.Execute("DELETE FROM prediction_counts WHERE minute < $minute", ("$minute", Minute(cutoff)));

    private static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);
}
