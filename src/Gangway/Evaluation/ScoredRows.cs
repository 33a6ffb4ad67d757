using System.Globalization;
using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>A scored table read once into true classes, probabilities and predicted classes, checked row by row.</summary>
internal sealed class ScoredRows
{
    private readonly bool[] _actual;
    private readonly double[] _probability;
    private readonly bool[] _predicted;

    private ScoredRows(bool[] actual, double[] probability, bool[] predicted, string positiveLabel, string? negativeLabel)
    {
        (_actual, _probability, _predicted) = (actual, probability, predicted);
        (PositiveLabel, NegativeLabel) = (positiveLabel, negativeLabel);
    }

    public string PositiveLabel { get; }

    public string? NegativeLabel { get; }

    public int Count => _actual.Length;

    /// <summary>The true class of each row (true for the positive class), for resampling; not to be changed.</summary>
    public bool[] Actual => _actual;

    /// <summary>The probability of the positive class of each row; not to be changed.</summary>
    public double[] Probability => _probability;

    /// <summary>The predicted class of each row; not to be changed.</summary>
    public bool[] Predicted => _predicted;

    /// <exception cref="GangwayException">A column is missing or of the wrong type, a value is missing or out of range, or there are more than two classes.</exception>
    public static ScoredRows Read(Table scored, BinaryClassificationEvaluatorOptions options)
    {
        scored.RequireRows("evaluate a classifier");
        var label = scored[options.LabelColumn];
        var prediction = scored[options.PredictionColumn];
        var probability = scored.GetNumeric(options.ProbabilityColumn);
        var positive = Normalize(label, options.PositiveClass);
        var labels = FormattedValues.Of(label);
        var predictions = FormattedValues.Of(prediction);
        for (var row = 0; row < scored.RowCount; row++)
        {
            Required(label, labels, row);
            Required(prediction, predictions, row);
            CheckProbability($"column '{probability.Name}'", probability.Name, probability[row], row);
        }

        var classes = labels.Concat(predictions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var present = string.Join(", ", classes);
        if (classes.Count > 2)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Columns '{label.Name}' and '{prediction.Name}' must hold two classes together for binary evaluation; found {present}.");
        }

        if (!classes.Contains(positive))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Positive class '{positive}' does not occur in column '{label.Name}' or '{prediction.Name}'; values present: {present}.");
        }

        return new ScoredRows(
            [.. labels.Select(l => l == positive)],
            probability.Values.ToArray(),
            [.. predictions.Select(p => p == positive)],
            positive,
            classes.FirstOrDefault(c => c != positive));
    }

    /// <summary>The metrics of the given rows.</summary>
    public Metrics Evaluate(IReadOnlyList<int> rows) => MetricsCalculator.Compute(
        [.. rows.Select(r => _actual[r])],
        [.. rows.Select(r => _probability[r])],
        [.. rows.Select(r => _predicted[r])],
        PositiveLabel,
        NegativeLabel);

    /// <summary>The same true classes scored by a baseline; a row is predicted positive when its probability is at least 0.5.</summary>
    /// <exception cref="GangwayException">The baseline returned the wrong number of probabilities or one outside [0, 1].</exception>
    public ScoredRows WithBaseline(IBaseline baseline, Table data)
    {
        var probabilities = baseline.PredictProbabilities(data);
        if (probabilities.Count != Count)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Baseline '{baseline.Name}' must return one probability per row ({Count}); it returned {probabilities.Count}.");
        }

        for (var row = 0; row < Count; row++)
        {
            CheckProbability($"baseline '{baseline.Name}'", null, probabilities[row], row);
        }

        var values = probabilities.ToArray();
        return new ScoredRows(_actual, values, [.. values.Select(p => p >= 0.5)], PositiveLabel, NegativeLabel);
    }

    private static string Normalize(Column label, string positiveClass) =>
        label is NumericColumn && double.TryParse(positiveClass, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Column.FormatNumber(number)
            : positiveClass;

    private static string Required(Column column, string?[] values, int row) => values[row] ?? throw new GangwayException(
        ErrorKind.InvalidInput,
        $"Column '{column.Name}' must have a value on every row to evaluate; row {row} is missing.",
        row,
        column.Name);

    private static void CheckProbability(string source, string? column, double value, int row)
    {
        if (!(value is >= 0 and <= 1))
        {
            var found = double.IsNaN(value) ? "a missing value" : Column.FormatNumber(value);
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Probabilities from {source} must be between 0 and 1; row {row} has {found}.",
                row,
                column);
        }
    }
}
