using System.Buffers;

namespace Gangway.Server.Records;

/// <summary>A request body read into a buffer from <see cref="ArrayPool{T}.Shared"/>; disposing gives the buffer back.</summary>
internal sealed class PooledBody(byte[] buffer) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>The bytes read so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes read so far; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    /// <summary>Where the next bytes go.</summary>
    public Memory<byte> Free => Buffer.AsMemory(Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBody));

    public void Advance(int count) => Length += count;

    /// <summary>Doubles the buffer, up to one byte past <paramref name="limit"/> (enough to tell the body is too large).</summary>
    public void Grow(long limit)
    {
        var size = (int)Math.Min(Math.Min((long)Buffer.Length * 2, limit + 1), Array.MaxLength);
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, Buffer.Length + 1));
        Buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(Buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
