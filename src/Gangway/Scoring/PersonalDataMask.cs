using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Scoring;

/// <summary>
/// Hides the values of a contract's personal-data columns (<c>pii: true</c>) in what is reported about a rejected row or
/// record, the one mask batch scoring (reasons, rejects files) and the service (problem details) share. Immutable and
/// thread-safe.
/// </summary>
public sealed class PersonalDataMask
{
    /// <summary>What a rejects file holds in place of a personal-data value.</summary>
    public const string Hidden = "(personal data, hidden)";

    /// <summary>What a reason says instead of a personal-data value that cannot be read.</summary>
    public const string UnreadableHidden = "the value cannot be read (personal data, hidden)";

    private readonly IReadOnlySet<string> _personal;

    private PersonalDataMask(IReadOnlySet<string> personal) => _personal = personal;

    /// <summary>Masks nothing: for a model without a contract, or when personal data is asked for explicitly.</summary>
    public static PersonalDataMask None { get; } = new(new HashSet<string>());

    /// <summary>The mask of <paramref name="contract"/>'s personal-data columns; <see cref="None"/> without a contract.</summary>
    public static PersonalDataMask Of(DataSchema? contract) => contract is null ? None : new(contract.PiiColumns);

    /// <summary>Whether values of <paramref name="column"/> are personal data, never to be shown; false for null.</summary>
    public bool Hides(string? column) => column is not null && _personal.Contains(column);

    /// <summary>The row as a CSV record, its personal-data values replaced by <see cref="Hidden"/>.</summary>
    public string Record(Table table, int row)
    {
        ArgumentNullException.ThrowIfNull(table);
        var one = table.Take([row]);
        var hidden = one.ColumnNames.Where(_personal.Contains).Select(name => (Column)new TextColumn(name, [Hidden])).ToArray();
        return RowText.Of(hidden.Length == 0 ? one : one.With(hidden), 0);
    }

    /// <summary>The reason for a row, or a reason without the value when it is about a personal-data column.</summary>
    public string Reason(string? column, string reason, string rowLabel) => Hides(column)
        ? $"Column '{column}': {rowLabel} cannot be used; its value is personal data, hidden"
        : reason;

    /// <summary>The problem of a value that cannot be read, without the value when it is personal data.</summary>
    public string UnreadProblem(string? column, string problem) => Hides(column) ? UnreadableHidden : problem;

    /// <summary>
    /// A row the reader could not read: its fields cannot be told apart reliably, so with any personal-data column in
    /// the contract the record is left out, and a reason about such a column loses its value.
    /// </summary>
    public RowError Unread(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (_personal.Count == 0)
        {
            return error;
        }

        return error with { Problem = UnreadProblem(error.ContractColumn ?? error.Column, error.Problem), RecordText = null };
    }
}
