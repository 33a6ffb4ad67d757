namespace Gangway.Schema;

/// <summary>What <see cref="SchemaValidator"/> found in one table.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(int rowCount, IReadOnlyList<Violation> violations)
    {
        RowCount = rowCount;
        Violations = violations;
        RejectedRows = [.. violations.Where(v => v is { Row: not null, Severity: Severity.Error }).Select(v => v.Row!.Value).Distinct().Order()];
        HasDatasetErrors = violations.Any(v => v is { Row: null, Severity: Severity.Error });
    }

    /// <summary>The number of rows checked.</summary>
    public int RowCount { get; }

    /// <summary>Every violation, row rules first in row order, then data-set rules.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The rows with at least one error, ascending.</summary>
    public IReadOnlyList<int> RejectedRows { get; }

    /// <summary>Whether a rule on the whole data set (e.g. the missing rate) failed with severity error.</summary>
    public bool HasDatasetErrors { get; }

    /// <summary>Whether anything failed with severity error.</summary>
    public bool HasErrors => HasDatasetErrors || RejectedRows.Count > 0;

    /// <summary>The violations of severity warning.</summary>
    public IEnumerable<Violation> Warnings => Violations.Where(v => v.Severity == Severity.Warning);

    /// <summary>The first error, for fail-fast callers.</summary>
    public Violation? FirstError => Violations.FirstOrDefault(v => v.Severity == Severity.Error);
}
