using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>
/// A one-rule model: probability 1 for rows whose column equals a given value (compared with the value's invariant text
/// form, ordinally), 0 otherwise, including rows where the column is missing.
/// </summary>
public sealed class RuleBaseline : IBaseline
{
    /// <summary>Creates the rule "<paramref name="column"/> equals <paramref name="equals"/> means positive".</summary>
    /// <param name="name">The name the baseline is reported under.</param>
    /// <param name="column">The column the rule reads.</param>
    /// <param name="equals">The text form of the value that means positive, e.g. <c>female</c> or <c>1</c>.</param>
    /// <exception cref="GangwayException">A name is empty.</exception>
    public RuleBaseline(string name, string column, string equals)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(column) || equals is null)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"A rule baseline needs a name, a column and a value; got name '{name}', column '{column}', value '{equals}'.");
        }

        Name = name;
        Column = column;
        EqualsValue = equals;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The column the rule reads.</summary>
    public string Column { get; }

    /// <summary>The text form of the value that means positive.</summary>
    public string EqualsValue { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">The column is missing; the message lists the columns present.</exception>
    public IReadOnlyList<double> PredictProbabilities(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var column = data[Column];
        var result = new double[data.RowCount];
        for (var row = 0; row < result.Length; row++)
        {
            result[row] = string.Equals(column.FormatValue(row), EqualsValue, StringComparison.Ordinal) ? 1 : 0;
        }

        return result;
    }
}
