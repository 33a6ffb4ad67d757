using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>
/// Hides the values of a contract's personal-data columns (<c>pii: true</c>) in what batch scoring reports about a
/// rejected row: its reason (also logged) and its record (written to a rejects file).
/// </summary>
internal sealed class RejectMasking(IReadOnlySet<string> personal)
{
    /// <summary>What a rejects file holds in place of a personal-data value.</summary>
    public const string Hidden = "(personal data, hidden)";

    /// <summary>Masks nothing: for a model without a contract, or when personal data is asked for explicitly.</summary>
    public static RejectMasking None { get; } = new(new HashSet<string>());

    /// <summary>The row as a CSV record, its personal-data values replaced by <see cref="Hidden"/>.</summary>
    public string Record(Table table, int row)
    {
        var one = table.Take([row]);
        var hidden = one.ColumnNames.Where(personal.Contains).Select(name => (Column)new TextColumn(name, [Hidden])).ToArray();
        return RowText.Of(hidden.Length == 0 ? one : one.With(hidden), 0);
    }

    /// <summary>The reason for a row, or a reason without the value when it is about a personal-data column.</summary>
    public string Reason(string? column, string reason, string rowLabel) => column is not null && personal.Contains(column)
        ? $"Column '{column}': {rowLabel} cannot be used; its value is personal data, hidden"
        : reason;

    /// <summary>
    /// A row the reader could not read: its fields cannot be told apart reliably, so with any personal-data column in
    /// the contract the record is left out, and a reason about such a column loses its value.
    /// </summary>
    public RowError Unread(RowError error)
    {
        if (personal.Count == 0)
        {
            return error;
        }

        var column = error.ContractColumn ?? error.Column;
        var problem = column is not null && personal.Contains(column) ? "the value cannot be read (personal data, hidden)" : error.Problem;
        return error with { Problem = problem, RecordText = null };
    }
}
