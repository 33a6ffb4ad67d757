using System.CommandLine;

namespace Gangway.Cli.Infrastructure;

/// <summary>Factories for the options several commands share, so they read and are described the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<string> RequiredPath(string name, string description) => FileOnly(new Option<string>(name)
    {
        Description = description,
        Required = true,
    });

    public static Option<string?> OptionalPath(string name, string description) => FileOnly(new Option<string?>(name)
    {
        Description = description,
    });

    public static Option<string?> Parser() => FileOnly(new Option<string?>("--parser")
    {
        Description = "Read --data through this parser spec (a business unit's own format) instead of as canonical CSV.",
    });

    /// <summary>A file path option that refuses a folder with one line saying so, instead of "could not find the file".</summary>
    public static T FileOnly<T>(T option)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && NotAFile(option.Name, result.Tokens[0].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>The same check for a file path argument (<c>gangway inspect &lt;bundle&gt;</c>).</summary>
    public static Argument<string> FileOnly(Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && NotAFile($"<{argument.Name}>", result.Tokens[0].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    private static string? NotAFile(string name, string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        var files = Directory.EnumerateFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(6).ToList();
        var holds = files.Count == 0 ? "it holds no files" : $"it holds {string.Join(", ", files.Take(5))}{(files.Count > 5 ? ", ..." : "")}";
        return $"{name} '{path}' is a folder, not a file; give the path of a file ({holds}).";
    }

    /// <summary>The data as canonical CSV, or through a parser spec when one is given.</summary>
    public static Gangway.Data.ITableSource Source(string dataPath, string? parserPath, GangwayCatalog catalog) =>
        parserPath is null ? new Gangway.Data.CsvFileSource(dataPath) : Gangway.Parsing.ParserFactory.Open(parserPath, dataPath, catalog);

    public static Option<int?> Seed() => new("--seed")
    {
        Description = "Seed for every random choice; overrides the spec's seed.",
        CustomParser = result => WholeNumber(result, "--seed"),
    };

    /// <summary>
    /// The <c>--confidence</c> option of every command that reports intervals or verdicts (evaluate, compare): default
    /// 0.95; a value outside (0, 1) is a usage error (exit 2) naming the value.
    /// </summary>
    public static Option<double> Confidence(string description) => new("--confidence")
    {
        Description = description,
        DefaultValueFactory = _ => 0.95,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1)
            {
                return value;
            }

            result.AddError($"--confidence must be a confidence level strictly between 0 and 1, e.g. 0.95; got '{token}'.");
            return 0;
        },
    };

    /// <summary>
    /// The <c>--bootstrap</c> option of every command that reports bootstrap intervals: stratified resamples seeded by the
    /// spec's seed, default 1,000, 0 for none; 1 to 9 or a negative number is a usage error (exit 2).
    /// </summary>
    public static Option<int> Bootstrap(string description) => new("--bootstrap")
    {
        Description = description,
        DefaultValueFactory = _ => Gangway.Evaluation.BootstrapOptions.DefaultResamples,
        CustomParser = result =>
        {
            var value = WholeNumber(result, "--bootstrap");
            if (value is { } resamples && resamples != 0 && resamples < 10)
            {
                result.AddError($"--bootstrap must be 0 (no intervals) or at least 10 resamples; got '{resamples}'.");
            }

            return value ?? 0;
        },
    };

    /// <summary>The <c>--limit</c> option of listing commands: at most this many entries, newest first.</summary>
    public static Option<int> Limit(string what, int defaultValue) => new("--limit")
    {
        Description = $"At most this many {what}, newest first.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => WholeNumber(result, "--limit") ?? 0,
    };

    public static int? WholeNumber(System.CommandLine.Parsing.ArgumentResult result, string name)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name} must be a whole number; got '{token}'.");
        return null;
    }
}
