using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Gangway.PredictionLog;

/// <summary>
/// Prediction (and feedback) ids: version 7 GUIDs as 32 lowercase hex digits. Their first 48 bits are the Unix time in
/// milliseconds, so ids sort by time and an id alone tells when its prediction was made (and so whether feedback for
/// it is later than the log's retention).
/// </summary>
public static class PredictionIds
{
    private const int Length = 32;
    private const int RandomBytesPerId = 10;
    private const int RandomBufferSize = 32 * RandomBytesPerId;

    // Guid.CreateVersion7 reads the system's random source for every GUID, one system call each on Linux; ids are made
    // for every answered record, so each thread draws from a buffer of the same randomness refilled 32 ids at a time.
    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    /// <summary>A new id for something made at <paramref name="time"/>'s current time.</summary>
    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Format(NewGuid(time.GetUtcNow()));
    }

    /// <summary>
    /// A new version 7 GUID for <paramref name="time"/>, laid out as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>
    /// lays it out (48 bits of Unix milliseconds, then 74 random bits) with its random bits from a per-thread buffer
    /// of cryptographic randomness.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before the Unix epoch.</exception>
    public static Guid NewGuid(DateTimeOffset time)
    {
        var milliseconds = time.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(time));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        TakeRandom(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The text form of an id made with <see cref="NewGuid(DateTimeOffset)"/>: 32 lowercase hex digits.</summary>
    public static string Format(Guid id) => id.ToString("N");

    /// <summary>Whether <paramref name="id"/> has the form of an id this class makes (32 hex digits, version 7).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(char.IsAsciiHexDigit) && id[12] == '7';

    /// <summary>When the id was made (millisecond precision), or null when it is not a valid id.</summary>
    public static DateTimeOffset? TimeOf(string? id)
    {
        if (!IsValid(id))
        {
            return null;
        }

        var milliseconds = long.Parse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>The canonical (lowercase) form of a valid id.</summary>
    private static void TakeRandom(Span<byte> destination)
    {
        var random = t_random;
        if (random is null || t_used + RandomBytesPerId > random.Length)
        {
            random = t_random ??= new byte[RandomBufferSize];
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }

        random.AsSpan(t_used, RandomBytesPerId).CopyTo(destination);
        t_used += RandomBytesPerId;
    }

    internal static string Normalize(string id) => id.ToLowerInvariant();
}
