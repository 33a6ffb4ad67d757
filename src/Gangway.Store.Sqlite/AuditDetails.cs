using System.Buffers;
using System.Text;
using System.Text.Json;
using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>The JSON object an audit entry's details hold: what the action writes, then the change's notes under <c>notes</c>.</summary>
internal static class AuditDetails
{
    public static string Write(Change change, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            if (change.Notes is { Count: > 0 } notes)
            {
                json.WriteStartObject("notes");
                foreach (var (name, value) in notes.OrderBy(note => note.Key, StringComparer.Ordinal))
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteVersionOrNull(this Utf8JsonWriter json, string name, int? version)
    {
        if (version is { } value)
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
