using System.Globalization;
using Gangway.Data;

namespace Gangway.Schema;

/// <summary>One column of a data contract: its type and the expectations its values must meet.</summary>
public sealed record ColumnSchema
{
    /// <summary>The column name, matched by CSV header or JSON field name.</summary>
    public required string Name { get; init; }

    /// <summary>The logical type.</summary>
    public required SchemaType Type { get; init; }

    /// <summary>Whether a value may be missing (default true).</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>The allowed values in their text form (for <see cref="SchemaType.Category"/>), or null for no restriction.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>The smallest allowed number, or null.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed number, or null.</summary>
    public double? Max { get; init; }

    /// <summary>The largest allowed share of missing values in a data set (0 to 1), or null.</summary>
    public double? MaxMissingRate { get; init; }

    /// <summary>A .NET regular expression text values must match in full, or null.</summary>
    public string? Pattern { get; init; }

    /// <summary>The longest allowed text, or null.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Whether the column holds personal data: its values never appear in logs or reports.</summary>
    public bool Pii { get; init; }

    /// <summary>Rules of this column whose breach is only a warning; every other rule is an error.</summary>
    public IReadOnlySet<ValidationRule> Warnings { get; init; } = new HashSet<ValidationRule>();

    /// <summary>What the column is for (default <see cref="ContractRole.Input"/>): an id or label column may be absent from the data.</summary>
    public ContractRole Role { get; init; }

    /// <summary>Whether data may lack the column: ids and the label.</summary>
    public bool Optional => Role != ContractRole.Input;

    /// <summary>A description for people.</summary>
    public string? Description { get; init; }

    /// <summary>How the column is stored in a <see cref="Table"/>: numbers for numeric types and numeric categories, else text.</summary>
    public ColumnType PhysicalType => Type switch
    {
        SchemaType.Integer or SchemaType.Real or SchemaType.Boolean => ColumnType.Numeric,
        SchemaType.Category when AllowedValues is { Count: > 0 } values && values.All(IsNumber) => ColumnType.Numeric,
        _ => ColumnType.Text,
    };

    /// <summary>The severity of breaking <paramref name="rule"/>.</summary>
    public Severity SeverityOf(ValidationRule rule) => Warnings.Contains(rule) ? Severity.Warning : Severity.Error;

    /// <summary>Formats a value for reports, hiding it when the column is personal data.</summary>
    /// <remarks>A missing value is shown as "no value" even for personal data: that it is missing reveals nothing.</remarks>
    public string Show(string? value) => value is null ? "no value" : Pii ? Hidden : $"'{value}'";

    /// <summary>How a value of a personal-data column is shown.</summary>
    internal const string Hidden = "a value (personal data, hidden)";

    private static bool IsNumber(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
