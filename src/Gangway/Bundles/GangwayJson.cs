using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gangway.Bundles;

/// <summary>
/// The JSON settings of every file Gangway writes into a bundle: camelCase names, enums as camelCase strings, indented
/// with "\n" on every platform (so output is byte-identical everywhere), no NaN or infinity, and strict reading
/// (required and non-nullable properties must be present). Only known DTO types are ever deserialised.
/// </summary>
internal static class GangwayJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a document of a known type; any problem is a <see cref="ErrorKind.CorruptArtifact"/> naming <paramref name="what"/>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options)
                ?? throw new GangwayException(ErrorKind.CorruptArtifact, $"'{what}' holds null instead of a document.");
        }
        catch (JsonException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'{what}' is not valid: {ex.Message}", ex);
        }
    }

    public static T Deserialize<T>(string json, string what) => Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json), what);
}
