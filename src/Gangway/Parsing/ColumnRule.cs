using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>How one contract column is produced: from which source field (or constant) and by which conversions.</summary>
internal sealed record ColumnRule
{
    /// <summary>The contract column.</summary>
    public required string Contract { get; init; }

    /// <summary>The source header, or <see langword="null"/> for a constant.</summary>
    public string? Source { get; init; }

    /// <summary>The source field index, or -1 for a constant.</summary>
    public int SourceIndex { get; init; } = -1;

    public string? Constant { get; init; }

    public required ColumnType ContractType { get; init; }

    public required ColumnType OutputType { get; init; }

    public bool Trim { get; init; }

    public required HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Missing { get; init; }

    public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>? Values { get; init; }

    public string? DateFormat { get; init; }

    public bool DateHasTime { get; init; }

    public char Decimal { get; init; } = '.';

    public char? Thousands { get; init; }
}
