using System.CommandLine;

namespace Gangway.Cli.Infrastructure;

/// <summary>Factories for the options several commands share, so they read and are described the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<string> RequiredPath(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
    };

    public static Option<string?> OptionalPath(string name, string description) => new(name)
    {
        Description = description,
    };

    public static Option<int?> Seed() => new("--seed")
    {
        Description = "Seed for every random choice; overrides the spec's seed.",
    };
}
