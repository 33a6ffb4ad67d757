using System.CommandLine;
using System.CommandLine.Parsing;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// For a misspelt command or option (<c>gangway trian</c>, <c>--speck</c>), the closest valid name, like git's
/// "did you mean": the fewest single-character edits (an adjacent swap counts as one), within a third of the name.
/// </summary>
internal static class DidYouMean
{
    /// <summary>One line for the first unknown token that is close to a valid name, or null when none is.</summary>
    public static string? Suggest(ParseResult parseResult)
    {
        foreach (var token in parseResult.UnmatchedTokens)
        {
            var isOption = token.StartsWith('-');
            var candidates = isOption ? OptionNames(parseResult.CommandResult) : parseResult.CommandResult.Command.Subcommands.SelectMany(Names);
            if (Closest(token, candidates) is { } name)
            {
                return $"{(isOption ? "Unknown option" : "Unknown command")} '{token}' for '{Path(parseResult.CommandResult)}'; did you mean '{name}'?";
            }
        }

        return null;
    }

    /// <summary>The full command a result is for, e.g. <c>gangway models show</c>.</summary>
    public static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', names);
    }

    public static string? Closest(string token, IEnumerable<string> candidates)
    {
        var word = token.TrimStart('-');
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(word, name.TrimStart('-'))))
            .Where(c => c.Distance <= Math.Max(1, (c.Name.TrimStart('-').Length + 2) / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    // The options a command accepts: its own and the recursive ones of the commands above it.
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        foreach (var option in result.Command.Options)
        {
            foreach (var name in Names(option))
            {
                yield return name;
            }
        }

        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive))
            {
                foreach (var name in Names(option))
                {
                    yield return name;
                }
            }
        }
    }

    private static IEnumerable<string> Names(Symbol symbol) => symbol switch
    {
        Command command => command.Aliases.Prepend(command.Name),
        Option option => option.Aliases.Prepend(option.Name),
        _ => [symbol.Name],
    };

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
