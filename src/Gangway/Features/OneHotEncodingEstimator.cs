using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Replaces each categorical column with one numeric 0/1 column per category seen at fit, named <c>{column}_{category}</c>:
/// like scikit-learn's OneHotEncoder, with the output naming of pandas <c>get_dummies</c>.
/// Works on text and numeric columns (numeric categories are named with <see cref="Column.FormatNumber"/>).
/// Categories are sorted: ordinal string order for text, numeric order for numbers. Missing values at fit are not a category.
/// </summary>
/// <remarks>
/// <para><b>Unknown categories.</b> A value at transform that was not seen at fit, or a missing value, follows
/// <see cref="UnknownCategoryPolicy"/>: <see cref="UnknownCategoryPolicy.Error"/> (the default) fails with a message
/// naming the column, row, value and known categories (for a missing value it suggests imputing first);
/// <see cref="UnknownCategoryPolicy.AllZeros"/> writes 0 in every output column of that source column.</para>
/// <para>With <c>dropFirst</c> the first category's column is left out (pandas <c>drop_first=True</c>); an unknown value
/// under <see cref="UnknownCategoryPolicy.AllZeros"/> is then indistinguishable from the first category.</para>
/// </remarks>
public sealed class OneHotEncodingEstimator : IEstimator<OneHotEncodingTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The categorical columns; at least one, no repeats.</param>
    /// <param name="unknown">What to do with unknown categories and missing values at transform; default <see cref="UnknownCategoryPolicy.Error"/>.</param>
    /// <param name="dropFirst">Whether to leave out the first category's column; default <see langword="false"/>.</param>
    /// <exception cref="GangwayException">A bad column list.</exception>
    public OneHotEncodingEstimator(IEnumerable<string> columns, UnknownCategoryPolicy unknown = UnknownCategoryPolicy.Error, bool dropFirst = false)
    {
        Columns = FeatureOptions.ColumnList(columns, OneHotEncodingTransformer.KindName);
        if (!Enum.IsDefined(unknown))
        {
            throw new ArgumentOutOfRangeException(nameof(unknown), unknown, "Unknown category policy.");
        }

        Unknown = unknown;
        DropFirst = dropFirst;
    }

    /// <summary>The categorical columns.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>What happens to unknown categories and missing values at transform.</summary>
    public UnknownCategoryPolicy Unknown { get; }

    /// <summary>Whether the first category's column is left out.</summary>
    public bool DropFirst { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing, the data has no rows, a column has only missing values, or an output name is taken by another column.</exception>
    public OneHotEncodingTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireColumns(Columns);
        data.RequireRows($"fit '{OneHotEncodingTransformer.KindName}'");
        var encodings = new List<OneHotColumn>(Columns.Count);
        foreach (var name in Columns)
        {
            var encoding = data[name] switch
            {
                NumericColumn numeric => OneHotColumn.ForNumbers(name, Categories(numeric), DropFirst),
                var text => OneHotColumn.ForText(name, Categories((TextColumn)text), DropFirst),
            };
            if (encoding.CategoryNames.Count == 0)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{name}' has no categories to learn: all {data.RowCount} rows are missing. Impute it before 'one_hot' or drop it.");
            }

            encodings.Add(encoding);
        }

        var transformer = new OneHotEncodingTransformer(encodings, Unknown, DropFirst);
        foreach (var output in transformer.OutputColumns)
        {
            if (data.Contains(output) && !transformer.Columns.Contains(output))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"'one_hot' would create column '{output}', but the data already has a column of that name; rename or drop it first.");
            }
        }

        return transformer;
    }

    private static double[] Categories(NumericColumn column)
    {
        var set = new HashSet<double>();
        foreach (var value in column.Values)
        {
            if (!double.IsNaN(value))
            {
                set.Add(value);
            }
        }

        double[] sorted = [.. set];
        Array.Sort(sorted);
        return sorted;
    }

    private static string[] Categories(TextColumn column)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in column.Values)
        {
            if (value is not null)
            {
                set.Add(value);
            }
        }

        string[] sorted = [.. set];
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
