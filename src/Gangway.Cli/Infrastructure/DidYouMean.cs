using System.CommandLine;
using System.CommandLine.Parsing;
using Gangway.Specs;

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

    public static string? Closest(string token, IEnumerable<string> candidates) =>
        ClosestName.Find(token.TrimStart('-'), candidates, name => name.TrimStart('-'));

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
}
