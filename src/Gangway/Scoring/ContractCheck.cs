using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Scoring;

/// <summary>
/// Checks rows to score against a model's data contract, row by row (rules on the whole data set say nothing about a
/// chunk or a request): the one contract check of batch scoring and the service. Thread-safe.
/// </summary>
/// <param name="contract">The contract restricted to the model's input columns (see <c>ModelBundle.InputContract</c>).</param>
public sealed class ContractCheck(DataSchema contract)
{
    /// <summary>The validator of the contract, compiled once.</summary>
    public SchemaValidator Validator { get; } = new(contract);

    /// <summary>The contract checked.</summary>
    public DataSchema Contract => Validator.Schema;

    /// <summary>
    /// The rows of <paramref name="table"/> that break an error rule, each with its violations, and the number of warnings.
    /// </summary>
    /// <param name="table">The rows to check.</param>
    /// <param name="isChecked">Whether a row's value of a column counts (e.g. an id a request record does not give); all when null.</param>
    /// <exception cref="GangwayException">A contract column is absent or stored with the wrong type.</exception>
    public ContractCheckResult Check(Table table, Func<int, string, bool>? isChecked = null)
    {
        var result = Validator.Validate(table, datasetRules: false);
        var warnings = result.Warnings.LongCount();
        if (result.RejectedRows.Count == 0)
        {
            return new ContractCheckResult([], warnings);
        }

        var errors = result.Violations.Where(v => v is { Severity: Severity.Error, Row: { } row } && (isChecked is null || isChecked(row, v.Column)));
        return new ContractCheckResult([.. errors], warnings);
    }
}

/// <summary>What <see cref="ContractCheck.Check"/> found.</summary>
/// <param name="Errors">Every violation of an error rule, in row order; a row can break several rules.</param>
/// <param name="Warnings">How many warning rules were broken.</param>
public sealed record ContractCheckResult(IReadOnlyList<Violation> Errors, long Warnings)
{
    /// <summary>Whether no row breaks an error rule.</summary>
    public bool Passed => Errors.Count == 0;

    /// <summary>The rows that break an error rule, in order.</summary>
    public IReadOnlyList<int> RejectedRows => [.. Errors.Select(v => v.Row!.Value).Distinct()];
}
