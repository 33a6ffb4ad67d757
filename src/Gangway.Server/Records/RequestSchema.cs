using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Server.Records;

/// <summary>The model's input columns as a request reader needs them: exact-name lookup and case-insensitive suggestions.</summary>
internal sealed class RequestSchema
{
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Dictionary<string, string> _byUpperName;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byUpperSpan;

    public RequestSchema(InputSchema schema)
    {
        Columns = schema.Columns;
        _byName = Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byUpperName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            _byUpperName.TryAdd(column.Name, column.Name);
        }

        _byUpperSpan = _byUpperName.GetAlternateLookup<ReadOnlySpan<char>>();

        Ids = [.. Columns.Where(c => c.Role == ColumnRole.Id)];
        IdIndexes = [.. Ids.Select(id => _byName[id.Name])];
        Utf8Names = [.. Columns.Select(c => System.Text.Encoding.UTF8.GetBytes(c.Name))];
        EncodedIdNames = [.. Ids.Select(id => System.Text.Json.JsonEncodedText.Encode(id.Name))];
    }

    public IReadOnlyList<InputColumn> Columns { get; }

    public IReadOnlyList<InputColumn> Ids { get; }

    /// <summary>The name of each input column in UTF-8, to match JSON property names without decoding them.</summary>
    public IReadOnlyList<byte[]> Utf8Names { get; }

    /// <summary>The name of each of <see cref="Ids"/>, encoded for a JSON writer once.</summary>
    public IReadOnlyList<System.Text.Json.JsonEncodedText> EncodedIdNames { get; }

    /// <summary>The input column index of each of <see cref="Ids"/>.</summary>
    public IReadOnlyList<int> IdIndexes { get; }

    /// <summary>The index of the column named exactly <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _byName.GetValueOrDefault(name, -1);

    /// <summary>The index of the column named exactly <paramref name="name"/>, or -1; allocates nothing.</summary>
    public int IndexOf(ReadOnlySpan<char> name) => _bySpan.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Whether some input column's name equals <paramref name="name"/> when case is ignored; allocates nothing.</summary>
    public bool MatchesIgnoringCase(ReadOnlySpan<char> name) => _byUpperSpan.ContainsKey(name);

    /// <summary>The input column whose name differs from <paramref name="name"/> only in case, or null.</summary>
    public string? SuggestionFor(string name) => _byUpperName.GetValueOrDefault(name);

    public bool IsNumeric(int column) => Columns[column].Type == ColumnType.Numeric;
}
