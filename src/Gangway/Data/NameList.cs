namespace Gangway.Data;

/// <summary>
/// Lists names (columns, usually) in an error message: the first <see cref="MaxShown"/>, then how many more, so a file
/// with a million columns still gives a one-line message. Thread-safe (stateless).
/// </summary>
public static class NameList
{
    /// <summary>The most names a message lists (20).</summary>
    public const int MaxShown = 20;

    /// <summary>
    /// <c>"a, b, c"</c>; past <see cref="MaxShown"/> names, <c>"a, b, … t and 180 more"</c> (the first 20, then the
    /// count of the rest); <c>"(none)"</c> when there are none.
    /// </summary>
    public static string Of(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var shown = new List<string>(MaxShown);
        var more = 0;
        foreach (var name in names)
        {
            if (shown.Count < MaxShown)
            {
                shown.Add(name);
            }
            else
            {
                more++;
            }
        }

        return shown.Count == 0 ? "(none)" : more == 0 ? string.Join(", ", shown) : $"{string.Join(", ", shown)} and {more} more";
    }
}
