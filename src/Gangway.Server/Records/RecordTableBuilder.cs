using System.Text.Json;
using Gangway.Data;
using Gangway.Schema;
using Gangway.Server.Serving;

namespace Gangway.Server.Records;

/// <summary>
/// Collects JSON values into columns of the model's input types: numbers arrive as JSON numbers, numeric strings or
/// booleans (1/0); text as strings (numbers keep their JSON text); null or an absent field is missing. A value of the
/// wrong type becomes a <c>type</c> error for its record.
/// </summary>
internal sealed class RecordTableBuilder
{
    private const int ShownValueLength = 40;
    private readonly RequestSchema _schema;
    private readonly DataSchema? _contract;
    private readonly Gangway.Scoring.PersonalDataMask _mask;
    private readonly int _maxStringLength;
    private readonly double[]?[] _numbers;
    private readonly string?[]?[] _texts;
    private readonly bool[]?[] _given;

    public RecordTableBuilder(Served served, int rows, int maxStringLength)
    {
        _schema = served.Schema;
        _contract = served.Contract;
        _mask = served.Mask;
        _maxStringLength = maxStringLength;
        RowCount = rows;
        var count = _schema.Columns.Count;
        _numbers = new double[]?[count];
        _texts = new string?[]?[count];
        _given = new bool[]?[count];
        foreach (var id in _schema.IdIndexes)
        {
            _given[id] = new bool[rows];
        }

        for (var c = 0; c < count; c++)
        {
            if (_schema.IsNumeric(c))
            {
                _numbers[c] = new double[rows];
                Array.Fill(_numbers[c]!, double.NaN);
            }
            else
            {
                _texts[c] = new string?[rows];
            }
        }
    }

    public int RowCount { get; }

    public List<RecordError> Errors { get; } = [];

    public RequestSchema Schema => _schema;

    /// <summary>Stores the value of field <paramref name="name"/> of record <paramref name="row"/>; unknown fields are ignored unless only their case is wrong.</summary>
    public void Set(int row, string name, JsonElement value)
    {
        var column = _schema.IndexOf(name);
        if (column < 0)
        {
            NoteUnknown(name, row);
            return;
        }

        Set(row, column, FieldValue.From(value));
    }

    /// <summary>Stores the value of input column <paramref name="column"/> of record <paramref name="row"/>.</summary>
    public void Set(int row, int column, FieldValue value)
    {
        var name = _schema.Columns[column].Name;
        if (_given[column] is { } given)
        {
            given[row] = true;
        }

        if (_numbers[column] is { } numbers)
        {
            numbers[row] = ToNumber(row, name, value);
        }
        else
        {
            _texts[column]![row] = ToText(row, name, value);
        }
    }

    /// <summary>Reports a field whose name matches an input column only when case is ignored.</summary>
    public void NoteUnknown(string name, int? record)
    {
        if (_schema.SuggestionFor(name) is { } suggestion)
        {
            Errors.Add(new RecordError(record, name, "name", null, $"Field '{name}' is not an input of the model; did you mean '{suggestion}'? Names are case-sensitive."));
        }
    }

    /// <summary>Which records gave which id columns.</summary>
    public IdPresence IdsGiven => new(_given);

    public Table Build() => new(_schema.Columns.Select((c, i) => _numbers[i] is { } numbers
        ? (Column)new NumericColumn(c.Name, numbers)
        : new TextColumn(c.Name, _texts[i]!)));

    private double ToNumber(int row, string name, FieldValue value)
    {
        CheckLength(row, name, value);
        if (value.TryGetNumber(out var number))
        {
            return number;
        }

        TypeError(row, name, value, "must be a number");
        return double.NaN;
    }

    private string? ToText(int row, string name, FieldValue value)
    {
        CheckLength(row, name, value);
        if (value.TryGetText(out var text))
        {
            return text;
        }

        TypeError(row, name, value, "must be a text or a number");
        return null;
    }

    private void CheckLength(int row, string name, FieldValue value)
    {
        if (value.Kind == JsonValueKind.String && value.Text!.Length > _maxStringLength)
        {
            throw new GangwayException(ErrorKind.Unreadable,
                $"Field '{name}' of record {row} is {value.Text.Length} characters long; the limit is {_maxStringLength} (Gangway:MaxStringLength).");
        }
    }

    private void TypeError(int row, string name, FieldValue value, string expectation)
    {
        var raw = value.Kind switch
        {
            JsonValueKind.String => value.Text,
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.Raw,
        };
        if (raw is { Length: > ShownValueLength })
        {
            raw = string.Concat(raw.AsSpan(0, ShownValueLength), "…");
        }

        var shown = _contract?.Find(name) is { } column ? column.Show(raw) : $"'{raw}'";
        if (value.Kind is JsonValueKind.Object or JsonValueKind.Array && !_mask.Hides(name))
        {
            shown = raw!;
        }

        Errors.Add(new RecordError(row, name, "type", shown, $"Field '{name}' {expectation}; record {row} has {shown}."));
    }
}
