using System.Globalization;
using Gangway.Data;
using Gangway.Specs;

namespace Gangway.Parsing;

/// <summary>Checks a parser spec against its contract, naming the key and line of the first problem.</summary>
internal static class ParserSpecChecks
{
    public static void Check(ParserSpec spec, SpecNode root)
    {
        CheckSeparators(spec, root);
        CheckColumns(spec, root);
        foreach (var (column, node) in Entries(root, "values"))
        {
            RequireContractColumn(spec, column, node);
            if (ParserSpecReader.PhysicalType(spec, column) == ColumnType.Numeric)
            {
                foreach (var (from, to) in node.Mapping())
                {
                    RequireNumber(spec.Values[column][from], to, column);
                }
            }
        }

        foreach (var (column, node) in Entries(root, "dates"))
        {
            RequireContractColumn(spec, column, node);
            if (ParserSpecReader.PhysicalType(spec, column) != ColumnType.Text)
            {
                throw node.Error($"the contract column '{column}' is numeric; dates become ISO 8601 text");
            }

            RequireDateFormat(spec.Dates[column], node);
        }

        foreach (var (column, node) in Entries(root, "constants"))
        {
            RequireContractColumn(spec, column, node);
            if (spec.Columns.Values.Contains(column, StringComparer.Ordinal))
            {
                throw node.Error($"the contract column '{column}' is both a constant and mapped from a source column; keep one");
            }

            if (ParserSpecReader.PhysicalType(spec, column) == ColumnType.Numeric)
            {
                RequireNumber(spec.Constants[column], node, column);
            }
        }

        if (spec.Type is null && spec.Options.Count > 0)
        {
            throw root.Required("options").Error("is only for code parsers (set 'type' to a registered parser)");
        }
    }

    private static void CheckSeparators(ParserSpec spec, SpecNode root)
    {
        if (spec.Delimiter is '\r' or '\n' || spec.Quote is '\r' or '\n' || spec.Delimiter == spec.Quote)
        {
            throw root.Required("delimiter").Error($"must differ from the quote and not be a line break; got '{spec.Delimiter}' with quote '{spec.Quote}'");
        }

        if (spec.ThousandsSeparator is { } thousands && (thousands == spec.DecimalSeparator || char.IsAsciiDigit(thousands) || thousands is '-' or '+'))
        {
            throw root.Required("thousands").Error($"must differ from the decimal separator '{spec.DecimalSeparator}', digits and signs; got '{thousands}'");
        }
    }

    private static void CheckColumns(ParserSpec spec, SpecNode root)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, node) in Entries(root, "columns"))
        {
            var target = spec.Columns[source];
            RequireContractColumn(spec, target, node);
            if (!seen.TryAdd(target, source))
            {
                throw node.Error($"maps to '{target}', which '{seen[target]}' already maps to");
            }
        }

        foreach (var (index, drop) in spec.Drop.Index())
        {
            if (spec.Columns.ContainsKey(drop))
            {
                throw root.Required("drop").Sequence().ElementAt(index).Error($"drops '{drop}', which 'columns' maps; keep one");
            }
        }

        foreach (var (index, keep) in spec.Keep.Index())
        {
            var problem = spec.Columns.ContainsKey(keep) ? "which 'columns' maps"
                : spec.Drop.Contains(keep, StringComparer.Ordinal) ? "which 'drop' drops"
                : spec.Contract.Find(keep) is not null ? "which the contract declares (it passes through already)"
                : null;
            if (problem is not null)
            {
                throw root.Required("keep").Sequence().ElementAt(index).Error($"keeps '{keep}', {problem}");
            }
        }
    }

    private static IEnumerable<(string Key, SpecNode Node)> Entries(SpecNode root, string key) =>
        root.Optional(key) is { } node ? node.Mapping().Select(e => (e.Key, e.Value)) : [];

    private static void RequireContractColumn(ParserSpec spec, string column, SpecNode node)
    {
        if (spec.Contract.Find(column) is null)
        {
            throw node.Error($"names '{column}', which the contract does not declare; declared columns: {NameList.Of(spec.Contract.Columns.Select(c => c.Name))}");
        }
    }

    private static void RequireNumber(string value, SpecNode node, string column)
    {
        if (!ParserSpecReader.IsNumber(value))
        {
            throw node.Error($"the contract column '{column}' is numeric, so the value must be a number written with '.'; got '{value}'");
        }
    }

    private static void RequireDateFormat(string format, SpecNode node)
    {
        try
        {
            var sample = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            if (!DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw node.Error($"is not a date format that reads back what it writes; got '{format}'");
            }
        }
        catch (FormatException ex)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, node.Error($"is not a valid .NET date format; got '{format}'").Message, ex);
        }
    }
}
