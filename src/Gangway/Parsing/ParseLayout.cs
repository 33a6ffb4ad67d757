using System.Globalization;
using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>
/// Matches a source header against a parser spec: which contract columns the file yields, from which source fields,
/// in the contract's order, restricted to the requested columns.
/// </summary>
internal static class ParseLayout
{
    public static ColumnRule[] Create(ParserSpec spec, IReadOnlyList<string> header, CsvReadOptions options, string description)
    {
        var notInFile = spec.Drop.Concat(spec.Keep).Where(name => !header.Contains(name, StringComparer.Ordinal)).ToList();
        if (notInFile.Count > 0)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"{description}: parser '{spec.Name}' {(spec.Drop.Contains(notInFile[0], StringComparer.Ordinal) ? "drops" : "keeps")} source column '{notInFile[0]}', which the file does not have. Columns present: {string.Join(", ", header)}.");
        }

        var missing = spec.Missing.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new Dictionary<string, ColumnRule>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var source = header[i];
            if (spec.Drop.Contains(source, StringComparer.Ordinal) || Target(spec, source) is not { } target)
            {
                continue;
            }

            if (!sourceOf.TryAdd(target, source))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"{description}: source columns '{sourceOf[target]}' and '{source}' both give contract column '{target}' (parser '{spec.Name}'); drop one of them in the parser spec.");
            }

            rules[target] = Rule(spec, target, options, missing) with { Source = source, SourceIndex = i };
        }

        foreach (var (target, constant) in spec.Constants)
        {
            if (sourceOf.TryGetValue(target, out var source))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"{description}: source column '{source}' gives contract column '{target}', which parser '{spec.Name}' sets as a constant; drop the source column in the parser spec.");
            }

            rules[target] = Rule(spec, target, options, missing) with { Constant = constant };
        }

        var available = spec.Contract.Columns.Select(c => c.Name).Where(rules.ContainsKey).ToList();
        if (options.Columns is { } requested)
        {
            var absent = requested.Where(name => !rules.ContainsKey(name)).ToList();
            if (absent.Count > 0)
            {
                throw Absent(spec, absent, available, description);
            }

            var optional = options.OptionalColumns ?? [];
            available = [.. available.Where(name => requested.Contains(name) || optional.Contains(name))];
        }

        // Kept source columns come last, as text exactly as read (trimmed when the spec trims).
        var kept = spec.Keep.Select(name => new ColumnRule
        {
            Contract = name,
            Source = name,
            SourceIndex = Enumerable.Range(0, header.Count).First(i => header[i] == name),
            ContractType = ColumnType.Text,
            OutputType = ColumnType.Text,
            Trim = spec.Trim,
            Missing = missing,
        });
        return [.. available.Select(name => rules[name]), .. kept];
    }

    private static string? Target(ParserSpec spec, string source) =>
        spec.Columns.TryGetValue(source, out var mapped) ? mapped : spec.Contract.Find(source)?.Name;

    private static ColumnRule Rule(ParserSpec spec, string target, CsvReadOptions options, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> missing)
    {
        var contractType = spec.Contract[target].PhysicalType;
        var format = spec.Dates.GetValueOrDefault(target);
        return new ColumnRule
        {
            Contract = target,
            ContractType = contractType,
            OutputType = options.ColumnTypes is not null && options.ColumnTypes.TryGetValue(target, out var type) ? type : contractType,
            Trim = spec.Trim,
            Missing = missing,
            Values = spec.Values.TryGetValue(target, out var map)
                ? new Dictionary<string, string>(map, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()
                : null,
            DateFormat = format,
            DateHasTime = format is not null && HasTime(format),
            Decimal = spec.DecimalSeparator,
            Thousands = spec.ThousandsSeparator,
        };
    }

    // A format shows the time when two instants of one day format differently.
    private static bool HasTime(string format) =>
        new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture) !=
        new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);

    private static GangwayException Absent(ParserSpec spec, List<string> absent, List<string> available, string description)
    {
        var hints = absent
            .Select(name => spec.Columns.FirstOrDefault(e => e.Value == name).Key is { } source
                ? $"'{name}' (mapped from source column '{source}', which the file lacks)"
                : $"'{name}'")
            .ToList();
        return new GangwayException(
            ErrorKind.InvalidInput,
            $"Could not find column{(absent.Count > 1 ? "s" : "")} {NameList.Of(hints)} in {description} through parser '{spec.Name}'. Columns present: {NameList.Of(available)}.");
    }
}
