using Gangway.Data;

namespace Gangway.Schema;

/// <summary>
/// Checks tables against a <see cref="DataSchema"/>: the one validator used in training, batch scoring and serving.
/// The checks are compiled once per schema (value sets, ranges, compiled patterns), so validating a chunk costs a
/// few comparisons per value. Thread-safe.
/// </summary>
public sealed class SchemaValidator
{
    private readonly ColumnCheck[] _checks;

    /// <summary>Compiles the checks of <paramref name="schema"/>.</summary>
    public SchemaValidator(DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _checks = [.. schema.Columns.Select(ColumnCheck.Create)];
    }

    /// <summary>The schema checked against.</summary>
    public DataSchema Schema { get; }

    /// <summary>The compiled checks, one per column of <see cref="Schema"/>.</summary>
    internal IReadOnlyList<ColumnCheck> Checks => _checks;

    /// <summary>
    /// Checks every declared column of <paramref name="data"/>; other columns are ignored, and so is an optional column
    /// (<see cref="ColumnSchema.Optional"/>: an id or the label) that <paramref name="data"/> lacks.
    /// </summary>
    /// <param name="data">The rows to check.</param>
    /// <param name="datasetRules">
    /// Whether to check rules on the whole data set (the missing rate). Off for a chunk or a single request, where a
    /// rate says nothing about the data set.
    /// </param>
    /// <exception cref="GangwayException">A declared column is absent or stored with the wrong type.</exception>
    public ValidationResult Validate(Table data, bool datasetRules = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var violations = new List<Violation>();
        var checks = Array.FindAll(_checks, c => !c.Definition.Optional || data.Contains(c.Definition.Name));
        foreach (var check in checks)
        {
            check.CheckRows(data, violations);
        }

        violations.Sort((a, b) => a.Row!.Value.CompareTo(b.Row!.Value));
        if (datasetRules)
        {
            foreach (var check in checks)
            {
                check.CheckDataset(data, violations);
            }
        }

        return new ValidationResult(data.RowCount, violations);
    }
}
