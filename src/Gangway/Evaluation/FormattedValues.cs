using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>The values of a column as <see cref="Column.FormatValue"/> gives them, each distinct number formatted once.</summary>
internal static class FormattedValues
{
    /// <summary>One entry per row: the formatted value, or null where missing.</summary>
    public static string?[] Of(Column column)
    {
        var values = new string?[column.Length];
        if (column is not NumericColumn numeric)
        {
            for (var row = 0; row < values.Length; row++)
            {
                values[row] = column.FormatValue(row);
            }

            return values;
        }

        // Labels, predictions and slice columns hold a few distinct numbers; formatting one per row was most of the
        // time of reading 1M scored rows. Keyed by bits, like the text: 0 and -0 print differently.
        var formatted = new Dictionary<long, string?>();
        for (var row = 0; row < values.Length; row++)
        {
            var bits = BitConverter.DoubleToInt64Bits(numeric[row]);
            if (!formatted.TryGetValue(bits, out var text))
            {
                text = numeric.FormatValue(row);
                formatted.Add(bits, text);
            }

            values[row] = text;
        }

        return values;
    }
}
