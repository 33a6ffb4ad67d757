using Gangway.Schema;

namespace Gangway.Parsing;

/// <summary>
/// A parser spec: how one business unit's file becomes the clean contract. Read from YAML by
/// <see cref="ParserSpecReader"/>; see docs/parsers.md for every key. Immutable.
/// </summary>
public sealed record ParserSpec
{
    /// <summary>The parser's name, for messages and lineage (key <c>name</c>, required).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The registered code parser to use (key <c>type</c>), or <see langword="null"/> for the declarative parser that
    /// applies the keys below.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>Where the spec came from, for messages (usually its file name).</summary>
    public string Source { get; init; } = "parser";

    /// <summary>The full path of the contract file (key <c>contract</c>, relative to the spec file).</summary>
    public required string ContractPath { get; init; }

    /// <summary>The contract: its columns' physical types decide how values are converted.</summary>
    public required DataSchema Contract { get; init; }

    /// <summary>The text encoding of the file: utf-8 (default), iso-8859-1 or windows-1252.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>The field delimiter. Default ','.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character. Default '"'.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The decimal separator of numbers: '.' (default) or ','.</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>A thousands separator removed from numbers before parsing, or <see langword="null"/> (default).</summary>
    public char? ThousandsSeparator { get; init; }

    /// <summary>Source header → contract column. Default: none (source names are used as they are).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = Empty<string>();

    /// <summary>Contract column → (source value → contract value in canonical form).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } =
        Empty<IReadOnlyDictionary<string, string>>();

    /// <summary>Whether values and header names are trimmed of whitespace, non-breaking spaces and BOMs. Default false.</summary>
    public bool Trim { get; init; }

    /// <summary>Contract column → .NET date format of the source (e.g. <c>dd.MM.yyyy</c>); values become ISO 8601.</summary>
    public IReadOnlyDictionary<string, string> Dates { get; init; } = Empty<string>();

    /// <summary>Contract column → a constant value (canonical form) for every row.</summary>
    public IReadOnlyDictionary<string, string> Constants { get; init; } = Empty<string>();

    /// <summary>Source columns to ignore; each must be in the file's header.</summary>
    public IReadOnlyList<string> Drop { get; init; } = [];

    /// <summary>
    /// Source columns to carry through unchanged (as text, under their own name) next to the contract's columns, e.g. a
    /// unit's own record key: <c>gangway predict</c> copies them to its output beside the ids. Each must be in the file.
    /// </summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>Source values meaning missing, besides the empty field (e.g. <c>NA</c>, <c>-</c>).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Free-form settings for a code parser (key <c>options</c>); the declarative parser takes none.</summary>
    public IReadOnlyDictionary<string, object?> Options { get; init; } = Empty<object?>();

    /// <summary>The SHA-256 (lowercase hex) of the spec's bytes, for lineage.</summary>
    public required string Sha256 { get; init; }

    private static Dictionary<string, T> Empty<T>() => new(StringComparer.Ordinal);
}
