using Gangway.Data;

namespace Gangway.Learners;

/// <summary>Chooses, checks and reads the numeric feature columns a learner uses.</summary>
internal static class LearnerFeatures
{
    /// <summary>The feature names: the explicit list, or every numeric column except the label and the excluded ones.</summary>
    public static string[] Resolve(Table data, BinaryClassifierOptions options, string learner)
    {
        if (options.FeatureColumns is not null)
        {
            return [.. options.FeatureColumns];
        }

        var excluded = options.ExcludedColumns.ToHashSet(StringComparer.Ordinal);
        string[] names = [.. data.Columns
            .Where(c => c.Type == ColumnType.Numeric && c.Name != options.LabelColumn && !excluded.Contains(c.Name))
            .Select(c => c.Name)];
        if (names.Length == 0)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Learner '{learner}' found no numeric feature columns besides label '{options.LabelColumn}'. Columns present: {NameList.Of(data.ColumnNames)}. Encode text columns as numbers first.");
        }

        return names;
    }

    /// <summary>The named columns, each checked to be numeric.</summary>
    /// <exception cref="GangwayException">A column is missing or holds text.</exception>
    public static NumericColumn[] Columns(Table data, IReadOnlyList<string> names)
    {
        var columns = new NumericColumn[names.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = data[names[i]] as NumericColumn ?? throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Column '{names[i]}' holds text, but learner features must be numbers; one-hot encode it (or map it to numbers) before the learner.");
        }

        return columns;
    }

    /// <summary>Copies one row's features into <paramref name="destination"/> as the floats ML.NET uses.</summary>
    /// <exception cref="GangwayException">A value is missing or does not fit in a float.</exception>
    public static void ReadRow(NumericColumn[] columns, int row, Span<float> destination)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var value = columns[i][row];
            var single = (float)value;
            if (!float.IsFinite(single))
            {
                throw BadValue(columns[i].Name, row, value);
            }

            destination[i] = single;
        }
    }

    private static GangwayException BadValue(string column, int row, double value) => double.IsNaN(value)
        ? new(ErrorKind.InvalidInput, $"Column '{column}' has a missing value in row {row}; impute it before the learner.", row, column)
        : new(ErrorKind.InvalidInput, $"Column '{column}' has {Column.FormatNumber(value)} in row {row}; learner features must be finite numbers within ±3.4E+38.", row, column);
}
