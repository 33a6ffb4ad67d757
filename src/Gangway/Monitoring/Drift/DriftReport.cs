namespace Gangway.Monitoring.Drift;

/// <summary>The drift of a current data set against a reference, per column and for the data set. Immutable.</summary>
/// <param name="ReferenceRows">The reference's row count.</param>
/// <param name="CurrentRows">The current data's row count.</param>
/// <param name="Columns">The compared columns, in the order asked.</param>
/// <param name="MissingColumns">Columns asked for that the current data does not have (not compared, not counted as drifted).</param>
/// <param name="ShareThreshold">The share of drifted columns at which the data set has drifted.</param>
public sealed record DriftReport(
    long ReferenceRows,
    long CurrentRows,
    IReadOnlyList<ColumnDrift> Columns,
    IReadOnlyList<string> MissingColumns,
    double ShareThreshold)
{
    /// <summary>Rows of the current data left out because the data contract or the model refused them (a file's bad rows); 0 for the log.</summary>
    public long RowsLeftOut { get; init; }

    /// <summary>How many compared columns drifted.</summary>
    public int DriftedCount => Columns.Count(c => c.Drifted);

    /// <summary>The share of compared columns that drifted; 0 when none was compared.</summary>
    public double Share => Columns.Count == 0 ? 0 : (double)DriftedCount / Columns.Count;

    /// <summary>Whether the data set drifted: at least <see cref="ShareThreshold"/> of the compared columns did.</summary>
    public bool Drifted => Columns.Count > 0 && Share >= ShareThreshold;

    /// <summary>The column named <paramref name="column"/>.</summary>
    /// <exception cref="GangwayException">It was not compared (NotFound, listing the compared columns).</exception>
    public ColumnDrift this[string column] => Columns.FirstOrDefault(c => c.Column == column)
        ?? throw new GangwayException(ErrorKind.NotFound, $"Column '{column}' was not compared. Compared columns: {string.Join(", ", Columns.Select(c => c.Column))}.");

    /// <summary>The report as indented snake_case JSON.</summary>
    public string ToJson() => DriftReportJson.Write(this);

    /// <summary>The report as a plain-text table for a terminal.</summary>
    public string ToText() => DriftReportText.Write(this);
}
