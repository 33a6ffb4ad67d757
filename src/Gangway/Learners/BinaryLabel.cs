using System.Globalization;
using Gangway.Data;

namespace Gangway.Learners;

/// <summary>The two classes of a binary label, in the label column's own type, and how to turn a label into a bool.</summary>
internal sealed record BinaryLabel(string Column, string Positive, string Negative, bool IsNumeric)
{
    private const int MaxValuesListed = 10;

    private readonly double _positiveNumber = IsNumeric ? double.Parse(Positive, CultureInfo.InvariantCulture) : double.NaN;
    private readonly double _negativeNumber = IsNumeric ? double.Parse(Negative, CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>Finds the two classes of the label column and returns whether each row is the positive class.</summary>
    /// <exception cref="GangwayException">The label is missing somewhere, has not exactly two values, or lacks the positive class.</exception>
    public static (BinaryLabel Label, bool[] IsPositive) Learn(Table data, string labelColumn, string positiveClass)
    {
        var column = data[labelColumn];
        var values = new SortedSet<string>(StringComparer.Ordinal);
        var isPositive = new bool[column.Length];
        for (var row = 0; row < column.Length; row++)
        {
            var value = column.FormatValue(row) ?? throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Label column '{labelColumn}' has a missing value in row {row}; drop or fill those rows before the learner.",
                row,
                labelColumn);
            values.Add(value);
            isPositive[row] = string.Equals(value, positiveClass, StringComparison.Ordinal);
        }

        if (values.Count != 2)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Label column '{labelColumn}' must have exactly two values for binary classification; found {values.Count}: {List(values)}.");
        }

        if (!values.Contains(positiveClass))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Positive class '{positiveClass}' is not a value of label column '{labelColumn}'; values found: {List(values)}.");
        }

        var negative = values.Single(v => !string.Equals(v, positiveClass, StringComparison.Ordinal));
        return (new BinaryLabel(labelColumn, positiveClass, negative, column.Type == ColumnType.Numeric), isPositive);
    }

    /// <summary>The prediction column: the positive class where the probability is at least 0.5, else the negative class.</summary>
    public Column Predict(string name, double[] probabilities)
    {
        if (IsNumeric)
        {
            var numbers = new double[probabilities.Length];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = ClassOf(probabilities[i]).Number;
            }

            return new NumericColumn(name, numbers);
        }

        var texts = new string?[probabilities.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = ClassOf(probabilities[i]).Text;
        }

        return new TextColumn(name, texts);
    }

    /// <summary>The class of one probability: the number when the label is numeric (text null), else the text (number NaN).</summary>
    public (double Number, string? Text) ClassOf(double probability)
    {
        var positive = probability >= 0.5;
        return IsNumeric ? (positive ? _positiveNumber : _negativeNumber, null) : (double.NaN, positive ? Positive : Negative);
    }

    private static string List(SortedSet<string> values) =>
        values.Count <= MaxValuesListed
            ? string.Join(", ", values)
            : string.Join(", ", values.Take(MaxValuesListed)) + $", … ({values.Count - MaxValuesListed} more)";
}
