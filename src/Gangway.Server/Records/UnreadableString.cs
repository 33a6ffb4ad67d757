using System.Text;
using System.Text.Json;

namespace Gangway.Server.Records;

/// <summary>
/// Finds the first string or field name of a syntactically valid JSON body whose <c>\u</c> escapes do not form valid
/// UTF-16 (a lone surrogate such as <c>"\ud800"</c>), which System.Text.Json accepts while reading and refuses to turn
/// into a .NET string. Only run after reading failed, so the common path pays nothing.
/// </summary>
internal static class UnreadableString
{
    private const int ShownNameLength = 40;

    /// <summary>What is wrong and where, naming the record and field when the body is records; null when every string can be read.</summary>
    public static string? Find(ReadOnlySpan<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body.StartsWith("\uFEFF"u8) ? body[3..] : body, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!IsReadable(ref reader))
                        {
                            return $"A field name in {Where(frames, nameIsBad: true)} ('{Shown(reader.ValueSpan)}' as sent) {Problem}";
                        }

                        frames[^1].Name = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        NextValue(frames);
                        if (reader.TokenType == JsonTokenType.String && !IsReadable(ref reader))
                        {
                            var where = Where(frames, nameIsBad: false);
                            return $"{char.ToUpperInvariant(where[0])}{where[1..]} {Problem}";
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string Problem =>
        "has a \\u escape that is not valid UTF-16 (a lone surrogate such as \\ud800); send each character as itself or as a complete surrogate pair.";

    private static bool IsReadable(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void NextValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    // Records are an array of objects or one object; anything deeper in a lone object (pandas shapes) is named by its
    // JSON path. For a bad field name, the innermost object's last name is the one before it, so it is left out.
    private static string Where(List<Frame> frames, bool nameIsBad)
    {
        switch (frames)
        {
            case [{ IsArray: true } records, { IsArray: false } record, ..]:
                return nameIsBad && frames.Count == 2 ? $"record {records.Index}" : $"field '{record.Name}' of record {records.Index}";
            case [{ IsArray: false } record]:
                return nameIsBad ? "record 0" : $"field '{record.Name}' of record 0";
            default:
                var path = new StringBuilder("$");
                for (var i = 0; i < frames.Count - (nameIsBad ? 1 : 0); i++)
                {
                    path.Append(frames[i].IsArray ? $"[{frames[i].Index}]" : $"['{frames[i].Name}']");
                }

                return $"the value at {path}";
        }
    }

    private static string Shown(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return text.Length <= ShownNameLength ? text : string.Concat(text.AsSpan(0, ShownNameLength), "…");
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
