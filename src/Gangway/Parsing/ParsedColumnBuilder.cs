using System.Globalization;
using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>
/// Builds one contract column from a source column (or a constant): trims, recognises missing tokens, maps values,
/// converts dates and numbers by the contract's physical type, and stores the result as the requested type.
/// </summary>
internal sealed class ParsedColumnBuilder : ColumnBuilder
{
    private const string IsoDate = "yyyy-MM-dd";
    private const string IsoDateTime = "yyyy-MM-ddTHH:mm:ss";

    private readonly ColumnRule _rule;
    private readonly StringPool _pool = new();
    private double[] _numbers = [];
    private string?[] _texts = [];

    public ParsedColumnBuilder(ColumnRule rule, int initialCapacity)
        : base(rule.Contract, initialCapacity) => _rule = rule;

    public ColumnRule Rule => _rule;

    public override string? TryStore(ReadOnlySpan<char> field)
    {
        if (_rule.Trim)
        {
            field = ValueText.Trim(field);
        }

        if (field.IsEmpty || _rule.Missing.Contains(field))
        {
            return StoreMissing();
        }

        if (_rule.Values is { } values && values.TryGetValue(field, out var mapped))
        {
            return StoreCanonical(mapped);
        }

        if (_rule.DateFormat is { } format)
        {
            return DateTime.TryParseExact(field, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? StoreText(date.ToString(_rule.DateHasTime ? IsoDateTime : IsoDate, CultureInfo.InvariantCulture))
                : $"expected a date like '{format}', found '{ValueText.Show(field)}'";
        }

        if (_rule.ContractType == ColumnType.Numeric)
        {
            return ValueText.TryParseNumber(field, _rule.Decimal, _rule.Thousands, out var number)
                ? StoreNumber(number)
                : $"expected a number with decimal '{_rule.Decimal}', found '{ValueText.Show(field)}'";
        }

        return StoreText(field);
    }

    /// <summary>Stores the rule's constant (already canonical).</summary>
    public string? StoreConstant() => _rule.Constant is { Length: > 0 } constant ? StoreCanonical(constant) : StoreMissing();

    protected override Column Create(int count)
    {
        Column column = _rule.OutputType == ColumnType.Numeric
            ? new NumericColumn(Name, Trim(_numbers, count))
            : new TextColumn(Name, Trim(_texts, count));
        _numbers = [];
        _texts = [];
        return column;
    }

    private string? StoreCanonical(string value) =>
        _rule.ContractType == ColumnType.Numeric && ValueText.TryParseInvariant(value, out var number)
            ? StoreNumber(number)
            : StoreText(value);

    private string? StoreMissing() =>
        _rule.OutputType == ColumnType.Numeric ? StoreNumber(double.NaN) : StoreString(null);

    private string? StoreNumber(double value)
    {
        if (_rule.OutputType == ColumnType.Text)
        {
            return StoreString(double.IsNaN(value) ? null : Column.FormatNumber(value));
        }

        _numbers = Ensure(_numbers);
        _numbers[Count] = value;
        return null;
    }

    private string? StoreText(ReadOnlySpan<char> value)
    {
        if (_rule.OutputType == ColumnType.Text)
        {
            return StoreString(_pool.Get(value));
        }

        return ValueText.TryParseInvariant(value, out var number)
            ? StoreNumber(number)
            : $"expected a number, found '{ValueText.Show(value)}'";
    }

    private string? StoreString(string? value)
    {
        _texts = Ensure(_texts);
        _texts[Count] = value;
        return null;
    }
}
