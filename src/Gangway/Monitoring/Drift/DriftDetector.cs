namespace Gangway.Monitoring.Drift;

/// <summary>
/// Compares current data with a reference, column by column: the one use case behind <c>gangway monitor drift</c> and
/// the server's drift endpoint. Every applicable statistic is computed and reported; the deciding test (forced in
/// <see cref="DriftOptions"/> or chosen by <see cref="DriftMethodRule"/>) says whether the column drifted, and the
/// data set drifted when at least <see cref="DriftOptions.Share"/> of the columns did. Stateless and thread-safe.
/// </summary>
public static class DriftDetector
{
    /// <summary>The drift of <paramref name="current"/> against <paramref name="reference"/>.</summary>
    /// <param name="reference">The reference distributions, e.g. the training profile.</param>
    /// <param name="current">The current distributions, e.g. a file or a window of served records.</param>
    /// <param name="options">Forced tests and the data set share; defaults when null.</param>
    /// <param name="columns">The columns to compare (e.g. the model's inputs, prediction and probability); the reference's columns when null. Columns the current data lacks are reported, not compared.</param>
    /// <exception cref="GangwayException">
    /// The options are invalid (InvalidConfiguration); a column is not in the reference (NotFound); a forced test
    /// cannot compare its column, e.g. <c>ks</c> on text (InvalidConfiguration).
    /// </exception>
    public static DriftReport Compare(IColumnDistributions reference, IColumnDistributions current, DriftOptions? options = null, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new DriftOptions();
        options.Validate();
        columns ??= reference.Columns;
        foreach (var column in columns)
        {
            if (!reference.Columns.Contains(column, StringComparer.Ordinal))
            {
                throw new GangwayException(ErrorKind.NotFound, $"The drift reference has no column '{column}'. Its columns: {string.Join(", ", reference.Columns)}.");
            }
        }

        var present = columns.Where(c => current.Columns.Contains(c, StringComparer.Ordinal)).ToList();
        var missing = columns.Where(c => !current.Columns.Contains(c, StringComparer.Ordinal)).ToList();
        var compared = present.Select(c => ColumnDriftComputer.Compute(reference, current, c, options.Columns.GetValueOrDefault(c))).ToList();
        return new DriftReport(reference.RowCount, current.RowCount, compared, missing, options.Share);
    }
}
