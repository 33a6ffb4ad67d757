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
    public static Guid New(DateTimeOffset now) => Guid.CreateVersion7(now);

    /// <summary><paramref name="count"/> new ids stamped with <paramref name="now"/>.</summary>
    public static Guid[] New(int count, DateTimeOffset now)
    {
        var ids = new Guid[count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Guid.CreateVersion7(now);
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
