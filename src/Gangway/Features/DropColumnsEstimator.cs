using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Removes the named columns; names that are not present are ignored, every other column passes through.
/// Like pandas <c>df.drop(columns=..., errors='ignore')</c>, or scikit-learn's ColumnTransformer with a <c>'drop'</c> part.
/// </summary>
public sealed class DropColumnsEstimator : IEstimator<DropColumnsTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The columns to remove; at least one, no repeats.</param>
    /// <exception cref="GangwayException">The list is empty, has a blank name or repeats a name.</exception>
    public DropColumnsEstimator(IEnumerable<string> columns)
    {
        Columns = FeatureOptions.ColumnList(columns, DropColumnsTransformer.KindName);
    }

    /// <summary>The columns to remove.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public DropColumnsTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireRows($"fit '{DropColumnsTransformer.KindName}'");
        return new DropColumnsTransformer(Columns);
    }
}
