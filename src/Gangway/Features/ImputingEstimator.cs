using System.Globalization;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Replaces missing values with a value learned at fit: like scikit-learn's SimpleImputer.
/// Numeric columns accept every <see cref="ImputationStrategy"/>; text columns accept
/// <see cref="ImputationStrategy.MostFrequent"/> and <see cref="ImputationStrategy.Constant"/>.
/// The fitted <see cref="ImputingTransformer"/> applies the learned values unchanged to any later data.
/// </summary>
public sealed class ImputingEstimator : IEstimator<ImputingTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The columns to impute; at least one, no repeats.</param>
    /// <param name="strategy">How to choose the fill value.</param>
    /// <param name="fillValue">The value for <see cref="ImputationStrategy.Constant"/> (required then, and must be a number for numeric columns); not allowed otherwise.</param>
    /// <exception cref="GangwayException">A bad column list, or <paramref name="fillValue"/> missing for Constant or given for another strategy.</exception>
    public ImputingEstimator(IEnumerable<string> columns, ImputationStrategy strategy, string? fillValue = null)
    {
        Columns = FeatureOptions.ColumnList(columns, ImputingTransformer.KindName);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown imputation strategy.");
        }

        if (strategy == ImputationStrategy.Constant && fillValue is null)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "'impute' with strategy constant needs a fill value ('value').");
        }

        if (strategy != ImputationStrategy.Constant && fillValue is not null)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"'impute' uses a fill value only with strategy constant; got value '{fillValue}' with strategy {NameOf(strategy)}.");
        }

        Strategy = strategy;
        FillValue = fillValue;
    }

    /// <summary>The columns to impute.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>How the fill value is chosen.</summary>
    public ImputationStrategy Strategy { get; }

    /// <summary>The constant fill value, or <see langword="null"/> for the statistical strategies.</summary>
    public string? FillValue { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">
    /// A column is missing, the data has no rows, a text column with a numeric strategy, a constant that is not a number
    /// for a numeric column, or a column with no values to learn from.
    /// </exception>
    public ImputingTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireColumns(Columns);
        data.RequireRows($"fit '{ImputingTransformer.KindName}'");
        var numeric = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Columns)
        {
            switch (data[name])
            {
                case NumericColumn column:
                    numeric[name] = NumericFill(column);
                    break;
                case TextColumn column:
                    text[name] = TextFill(column);
                    break;
            }
        }

        return new ImputingTransformer(Columns, Strategy, numeric, text);
    }

    private double NumericFill(NumericColumn column)
    {
        if (Strategy == ImputationStrategy.Constant)
        {
            return double.TryParse(FillValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var constant) && double.IsFinite(constant)
                ? constant
                : throw new GangwayException(
                    ErrorKind.InvalidConfiguration,
                    $"'impute' fill value '{FillValue}' is not a number, but column '{column.Name}' holds numbers.");
        }

        var values = Statistics.Present(column.Values);
        if (values.Length == 0)
        {
            throw AllMissing(column);
        }

        var fill = Strategy switch
        {
            ImputationStrategy.Mean => Statistics.Mean(values),
            ImputationStrategy.Median => Statistics.Median(values),
            _ => Statistics.MostFrequent(values),
        };
        return SavedState.RequireFinite(fill, ImputingTransformer.KindName, column.Name, StrategyName);
    }

    private string TextFill(TextColumn column)
    {
        if (Strategy == ImputationStrategy.Constant)
        {
            return FillValue!;
        }

        if (Strategy != ImputationStrategy.MostFrequent)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Column '{column.Name}' holds text, so 'impute' cannot use strategy {StrategyName}; use most_frequent or constant.");
        }

        return Statistics.MostFrequent(column.Values) ?? throw AllMissing(column);
    }

    private string StrategyName => NameOf(Strategy);

    /// <summary>The spec name of a strategy (mean, median, most_frequent, constant).</summary>
    internal static string NameOf(ImputationStrategy strategy) => strategy switch
    {
        ImputationStrategy.Mean => "mean",
        ImputationStrategy.Median => "median",
        ImputationStrategy.MostFrequent => "most_frequent",
        _ => "constant",
    };

    private GangwayException AllMissing(Column column) => new(
        ErrorKind.InvalidInput,
        $"Column '{column.Name}' has no values to learn the {StrategyName} from: all {column.Length} rows are missing. Use strategy constant or drop the column.");
}
