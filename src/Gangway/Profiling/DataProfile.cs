using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Profiling;

/// <summary>
/// A summary of a table made by <see cref="DataProfiler.Profile"/>, optionally with per-group medians. Immutable.
/// Saved as <c>profile.json</c> in a model bundle; <see cref="ToJson"/> is deterministic and never writes NaN (a statistic
/// that does not exist, such as the standard deviation of one value, is <c>null</c>).
/// </summary>
/// <param name="RowCount">The number of rows profiled.</param>
/// <param name="Columns">One profile per column, in the order profiled.</param>
/// <param name="GroupMedians">Per-group medians added with <see cref="WithGroupMedians"/>, in the order added.</param>
public sealed record DataProfile(int RowCount, IReadOnlyList<ColumnProfile> Columns, IReadOnlyList<GroupMedianSummary> GroupMedians)
{
    /// <summary>The version of the JSON layout written by <see cref="ToJson"/>.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The profile of the named column.</summary>
    /// <exception cref="GangwayException">The column was not profiled (the message lists those that were).</exception>
    public ColumnProfile this[string column] =>
        Columns.FirstOrDefault(c => c.Name == column)
        ?? throw new GangwayException(
            ErrorKind.NotFound,
            $"The profile has no column '{column}'. Columns profiled: {NameList.Of(Columns.Select(c => c.Name))}.");

    /// <summary>
    /// A copy of this profile that also holds the medians of <paramref name="valueColumn"/> per group of
    /// <paramref name="groupColumn"/> in <paramref name="data"/> (see <see cref="DataProfiler.GroupMedians"/>), so a model
    /// can use them later without the training data. Replaces an existing entry for the same pair of columns.
    /// </summary>
    /// <exception cref="GangwayException">A column is missing, or <paramref name="valueColumn"/> is not numeric.</exception>
    public DataProfile WithGroupMedians(Table data, string groupColumn, string valueColumn)
    {
        var medians = new GroupMedianSummary(groupColumn, valueColumn, DataProfiler.GroupMedians(data, groupColumn, valueColumn));
        return this with
        {
            GroupMedians = [.. GroupMedians.Where(g => g.GroupColumn != groupColumn || g.ValueColumn != valueColumn), medians],
        };
    }

    /// <summary>The medians stored for the pair of columns, or <see langword="null"/> when none were added.</summary>
    public IReadOnlyDictionary<string, double>? FindGroupMedians(string groupColumn, string valueColumn) =>
        GroupMedians.FirstOrDefault(g => g.GroupColumn == groupColumn && g.ValueColumn == valueColumn)?.Medians;

    /// <summary>The profile as indented JSON (camelCase, "\n" line ends); the same profile always gives the same text.</summary>
    public string ToJson() => GangwayJson.SerializeToString(this);

    /// <summary>Reads a profile written by <see cref="ToJson"/>.</summary>
    /// <exception cref="GangwayException">The JSON is malformed, lacks a required value, or has a newer format version (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static DataProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(System.Text.Encoding.UTF8.GetBytes(json));
    }

    internal static DataProfile FromUtf8(ReadOnlySpan<byte> utf8)
    {
        var profile = GangwayJson.Deserialize<DataProfile>(utf8, "profile.json");
        if (profile.FormatVersion > 1)
        {
            throw new GangwayException(
                ErrorKind.CorruptArtifact,
                $"'profile.json' has format version {profile.FormatVersion}; this version of Gangway reads version 1. Upgrade Gangway.");
        }

        return profile;
    }
}
