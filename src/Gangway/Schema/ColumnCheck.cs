using System.Globalization;
using System.Text.RegularExpressions;
using Gangway.Data;

namespace Gangway.Schema;

/// <summary>The compiled checks of one column.</summary>
internal sealed class ColumnCheck
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    private readonly ColumnSchema _column;
    private readonly HashSet<double>? _numericValues;
    private readonly HashSet<string>? _textValues;
    private readonly Regex? _pattern;
    private readonly string _valuesText;

    private ColumnCheck(ColumnSchema column)
    {
        _column = column;
        if (column.AllowedValues is { } values)
        {
            if (column.PhysicalType == ColumnType.Numeric)
            {
                _numericValues = [.. values.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];
            }
            else
            {
                _textValues = new HashSet<string>(values, StringComparer.Ordinal);
            }
        }

        _valuesText = column.AllowedValues is { } allowed ? string.Join(", ", allowed) : "";
        _pattern = column.Pattern is { } pattern
            ? new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))
            : null;
    }

    public static ColumnCheck Create(ColumnSchema column) => new(column);

    public void CheckRows(Table data, List<Violation> violations)
    {
        if (_column.PhysicalType == ColumnType.Numeric)
        {
            CheckNumbers(data.GetNumeric(_column.Name).Values, violations);
        }
        else
        {
            CheckTexts(data.GetText(_column.Name).Values, violations);
        }
    }

    public void CheckDataset(Table data, List<Violation> violations)
    {
        if (_column.MaxMissingRate is not { } maximum || data.RowCount == 0)
        {
            return;
        }

        var column = data[_column.Name];
        var missing = 0;
        for (var row = 0; row < column.Length; row++)
        {
            missing += column.IsMissing(row) ? 1 : 0;
        }

        var rate = (double)missing / column.Length;
        if (rate > maximum)
        {
            violations.Add(new Violation(null, _column.Name, ValidationRule.MaxMissingRate, _column.SeverityOf(ValidationRule.MaxMissingRate),
                $"must have at most {Percent(maximum)} missing values", $"{Percent(rate)} missing ({missing} of {column.Length} rows)"));
        }
    }

    /// <summary>The column checked.</summary>
    public ColumnSchema Definition => _column;

    /// <summary>Whether a number of this (numeric) column breaks no rule, of any severity.</summary>
    public bool Passes(double value) => CheckNumber(0, value, null);

    /// <summary>Whether a text of this (text) column breaks no rule, of any severity.</summary>
    public bool Passes(string? value) => CheckText(0, value, null);

    private void CheckNumbers(ReadOnlySpan<double> values, List<Violation> violations)
    {
        for (var row = 0; row < values.Length; row++)
        {
            CheckNumber(row, values[row], violations);
        }
    }

    private void CheckTexts(ReadOnlySpan<string?> values, List<Violation> violations)
    {
        for (var row = 0; row < values.Length; row++)
        {
            CheckText(row, values[row], violations);
        }
    }

    // Adds every rule the value breaks to `violations` when there is a list; returns whether none is broken.
    private bool CheckNumber(int row, double value, List<Violation>? violations)
    {
        var passes = true;
        if (double.IsNaN(value))
        {
            return _column.Nullable || Broken(violations, row, ValidationRule.Required, "must have a value", (string?)null);
        }

        if (_column.Type == SchemaType.Integer && value != Math.Floor(value))
        {
            passes = Broken(violations, row, ValidationRule.Type, "must be a whole number", value);
        }
        else if (_column.Type == SchemaType.Boolean && value is not (0 or 1))
        {
            passes = Broken(violations, row, ValidationRule.Type, "must be 0 or 1", value);
        }
        else if (_numericValues is not null && !_numericValues.Contains(value))
        {
            passes = Broken(violations, row, ValidationRule.AllowedValues, violations is null ? "" : $"must be one of {_valuesText}", value);
        }

        if (_column.Min is { } min && value < min)
        {
            passes = Broken(violations, row, ValidationRule.Min, violations is null ? "" : $"must be at least {Column.FormatNumber(min)}", value);
        }

        if (_column.Max is { } max && value > max)
        {
            passes = Broken(violations, row, ValidationRule.Max, violations is null ? "" : $"must be at most {Column.FormatNumber(max)}", value);
        }

        return passes;
    }

    private bool CheckText(int row, string? value, List<Violation>? violations)
    {
        if (value is null)
        {
            return _column.Nullable || Broken(violations, row, ValidationRule.Required, "must have a value", null);
        }

        var passes = true;
        if (_textValues is not null && !_textValues.Contains(value))
        {
            passes = Broken(violations, row, ValidationRule.AllowedValues, violations is null ? "" : $"must be one of {_valuesText}", value);
        }

        if (_column.Type == SchemaType.DateTime && !IsIsoDate(value))
        {
            passes = Broken(violations, row, ValidationRule.Type, "must be an ISO 8601 date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)", value);
        }

        if (_column.MaxLength is { } maxLength && value.Length > maxLength)
        {
            passes = Broken(violations, row, ValidationRule.MaxLength, violations is null ? "" : $"must be at most {maxLength} characters long", $"{value.Length} characters");
        }
        else if (_pattern is not null && !Matches(value))
        {
            passes = Broken(violations, row, ValidationRule.Pattern, violations is null ? "" : $"must match the pattern {_column.Pattern}", value);
        }

        return passes;
    }

    // Records a broken rule when there is a list to record it in; always false (the value does not pass).
    private bool Broken(List<Violation>? violations, int row, ValidationRule rule, string expectation, double value)
    {
        violations?.Add(new Violation(row, _column.Name, rule, _column.SeverityOf(rule), expectation, _column.Pii ? ColumnSchema.Hidden : Column.FormatNumber(value)));
        return false;
    }

    private bool Broken(List<Violation>? violations, int row, ValidationRule rule, string expectation, string? value)
    {
        violations?.Add(new Violation(row, _column.Name, rule, _column.SeverityOf(rule), expectation, _column.Show(value)));
        return false;
    }

    private bool Matches(string value)
    {
        try
        {
            return _pattern!.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsIsoDate(string value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static string Percent(double rate) => rate.ToString("0.#%", CultureInfo.InvariantCulture);
}
