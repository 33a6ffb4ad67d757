using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Adds a numeric column holding the row-wise sum of numeric columns plus an offset; missing when any input is missing.
/// Like pandas <c>df[cols].sum(axis=1, skipna=False) + offset</c>; a household size (counts of relatives + 1) is this step with offset 1.
/// </summary>
public sealed class SumColumnsEstimator : IEstimator<SumColumnsTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The numeric columns to add up; at least one, no repeats.</param>
    /// <param name="outputColumn">The column to add (or replace).</param>
    /// <param name="offset">A constant added to every sum; default 0.</param>
    /// <exception cref="GangwayException">A bad column list, a blank output name or a non-finite offset.</exception>
    public SumColumnsEstimator(IEnumerable<string> columns, string outputColumn, double offset = 0)
    {
        Columns = FeatureOptions.ColumnList(columns, SumColumnsTransformer.KindName);
        OutputColumn = FeatureOptions.ColumnName(outputColumn, SumColumnsTransformer.KindName, "to");
        if (!double.IsFinite(offset))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"'sum' offset must be a finite number; got {Column.FormatNumber(offset)}.");
        }

        Offset = offset;
    }

    /// <summary>The columns added up.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The column the sums are written to.</summary>
    public string OutputColumn { get; }

    /// <summary>The constant added to every sum.</summary>
    public double Offset { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or holds text, or the data has no rows.</exception>
    public SumColumnsTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var name in Columns)
        {
            data.GetNumeric(name);
        }

        data.RequireRows($"fit '{SumColumnsTransformer.KindName}'");
        return new SumColumnsTransformer(Columns, OutputColumn, Offset);
    }
}
