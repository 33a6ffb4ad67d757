namespace Gangway.Specs;

/// <summary>
/// The valid name closest to a misspelt one, like git's "did you mean": the fewest single-character edits (an adjacent
/// swap counts as one), within a third of the name; null when none is that close. Used for spec keys and for the
/// CLI's commands and options.
/// </summary>
public static class ClosestName
{
    /// <summary>The candidate closest to <paramref name="word"/>, or null when none is within a third of its length.</summary>
    /// <param name="word">The misspelt name.</param>
    /// <param name="candidates">The valid names.</param>
    /// <param name="comparedAs">The form of a candidate that is compared (e.g. an option without its dashes); the candidate itself when null.</param>
    public static string? Find(string word, IEnumerable<string> candidates, Func<string, string>? comparedAs = null) =>
        candidates
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Compared: comparedAs?.Invoke(name) ?? name))
            .Select(c => (c.Name, c.Compared, Distance: Distance(word, c.Compared)))
            .Where(c => c.Distance <= Math.Max(1, (c.Compared.Length + 2) / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one each.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
