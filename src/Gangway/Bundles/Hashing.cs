using System.Security.Cryptography;

namespace Gangway.Bundles;

/// <summary>SHA-256 digests as lowercase hex, the form Gangway records in lineage and bundle manifests. Thread-safe.</summary>
public static class Hashing
{
    /// <summary>The SHA-256 of <paramref name="content"/> as 64 lowercase hex digits.</summary>
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The SHA-256 of <paramref name="content"/> as 64 lowercase hex digits.</summary>
    public static string Sha256(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Sha256(content.AsSpan());
    }

    /// <summary>The SHA-256 of the raw bytes of the file at <paramref name="path"/>, read as a stream (any size).</summary>
    /// <exception cref="GangwayException">The file does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    public static string Sha256File(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Cannot hash '{path}': the file does not exist.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Whether <paramref name="value"/> looks like a digest written by this class.</summary>
    internal static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
