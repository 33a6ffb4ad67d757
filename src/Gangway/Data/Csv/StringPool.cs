using System.Runtime.CompilerServices;

namespace Gangway.Data;

/// <summary>
/// Reuses one string per distinct short value of a column, looked up by span, so categories such as "male" or "S"
/// cost no allocation per row. Bounded, so columns of unique values (names, ids) stop growing it.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 32;
    private const int MaxCount = 4096;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        if (_strings.Count < MaxCount)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
