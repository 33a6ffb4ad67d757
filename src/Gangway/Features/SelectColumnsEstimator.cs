using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Keeps only the named columns, in the given order. Like selecting <c>df[columns]</c> in pandas, or
/// scikit-learn's ColumnTransformer with <c>remainder='drop'</c> and a passthrough part.
/// </summary>
public sealed class SelectColumnsEstimator : IEstimator<SelectColumnsTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The columns to keep, in output order; at least one, no repeats.</param>
    /// <exception cref="GangwayException">The list is empty, has a blank name or repeats a name.</exception>
    public SelectColumnsEstimator(IEnumerable<string> columns)
    {
        Columns = FeatureOptions.ColumnList(columns, SelectColumnsTransformer.KindName);
    }

    /// <summary>The columns to keep, in output order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public SelectColumnsTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireColumns(Columns);
        data.RequireRows($"fit '{SelectColumnsTransformer.KindName}'");
        return new SelectColumnsTransformer(Columns);
    }
}
