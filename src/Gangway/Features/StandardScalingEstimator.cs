using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Centres numeric columns on their mean and divides by their population standard deviation (ddof = 0):
/// like scikit-learn's StandardScaler. Missing values are ignored at fit and stay missing; a column whose
/// standard deviation is 0 is scaled by 1.
/// </summary>
public sealed class StandardScalingEstimator : IEstimator<StandardScalingTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The numeric columns to scale; at least one, no repeats.</param>
    /// <param name="withMean">Whether to subtract the mean; default <see langword="true"/>.</param>
    /// <param name="withStd">Whether to divide by the standard deviation; default <see langword="true"/>.</param>
    /// <exception cref="GangwayException">A bad column list.</exception>
    public StandardScalingEstimator(IEnumerable<string> columns, bool withMean = true, bool withStd = true)
    {
        Columns = FeatureOptions.ColumnList(columns, StandardScalingTransformer.KindName);
        WithMean = withMean;
        WithStd = withStd;
    }

    /// <summary>The columns to scale.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Whether the mean is subtracted.</summary>
    public bool WithMean { get; }

    /// <summary>Whether values are divided by the standard deviation.</summary>
    public bool WithStd { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or holds text, the data has no rows, or a column has only missing or infinite values.</exception>
    public StandardScalingTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireColumns(Columns);
        data.RequireRows($"fit '{StandardScalingTransformer.KindName}'");
        var means = new double[Columns.Count];
        var scales = new double[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var values = Statistics.Present(data.GetNumeric(Columns[i]).Values);
            if (values.Length == 0)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{Columns[i]}' has no values to learn the mean and standard deviation from: all {data.RowCount} rows are missing.");
            }

            var mean = SavedState.RequireFinite(Statistics.Mean(values), StandardScalingTransformer.KindName, Columns[i], "mean");
            var std = SavedState.RequireFinite(Statistics.PopulationStd(values, mean), StandardScalingTransformer.KindName, Columns[i], "standard deviation");
            means[i] = WithMean ? mean : 0;
            scales[i] = WithStd && std > 0 ? std : 1;
        }

        return new StandardScalingTransformer(Columns, means, scales);
    }
}
