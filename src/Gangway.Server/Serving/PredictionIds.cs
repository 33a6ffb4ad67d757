using System.Buffers.Binary;
using System.Text.Json;

namespace Gangway.Server.Serving;

/// <summary>
/// The id every answered record gets, so an outcome can be joined to it later: the prediction log's id
/// (<see cref="Gangway.PredictionLog.PredictionIds"/>), made as a <see cref="Guid"/> and written into the answer
/// without a string per record.
/// </summary>
internal static class PredictionIds
{
    /// <summary>The JSON name of the id in every answered record.</summary>
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("prediction_id");

    /// <summary>A new id stamped with <paramref name="now"/>.</summary>
    public static Guid New(DateTimeOffset now) => Gangway.PredictionLog.PredictionIds.NewGuid(now);

    /// <summary>
    /// <paramref name="count"/> new ids stamped with <paramref name="now"/>, for the records of one request: one
    /// random version 7 id, and the others made from it by changing its last 32 random bits (record i: those bits XOR
    /// i), so a 100-record request costs one draw from the system's random source instead of 100. They stay distinct
    /// within the request and as unlikely to collide with another request's as any two random ids.
    /// </summary>
    public static Guid[] New(int count, DateTimeOffset now)
    {
        var ids = new Guid[count];
        if (count == 0)
        {
            return ids;
        }

        Span<byte> bytes = stackalloc byte[16];
        New(now).TryWriteBytes(bytes, bigEndian: true, out _);
        var tail = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        for (var i = 0; i < ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], tail ^ (uint)i);
            ids[i] = new Guid(bytes, bigEndian: true);
        }

        return ids;
    }

    /// <summary>Writes <paramref name="id"/> as the value of <see cref="Name"/> without allocating.</summary>
    public static void Write(Utf8JsonWriter json, Guid id)
    {
        Span<char> text = stackalloc char[32];
        id.TryFormat(text, out _, "N");
        json.WriteString(Name, text);
    }
}
