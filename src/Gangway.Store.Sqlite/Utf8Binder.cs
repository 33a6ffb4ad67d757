using System.Text;
using SQLitePCL;

namespace Gangway.Store.Sqlite;

/// <summary>
/// Binds text parameters of one prepared statement through a single reused UTF-8 buffer: SQLite copies a bound value
/// (<c>SQLITE_TRANSIENT</c>), so the buffer is free again as soon as the call returns. The values SQLite receives are
/// the same bytes the driver's string overload would give it (<see cref="Encoding.UTF8"/>, timestamps as
/// <see cref="SqliteTime"/> text); only the per-value byte arrays are gone.
/// </summary>
internal sealed class Utf8Binder(sqlite3_stmt statement)
{
    private byte[] _buffer = new byte[1024];

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _buffer.Length)
        {
            _buffer = new byte[Math.Max(most, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _buffer);
        raw.sqlite3_bind_text(statement, index, _buffer.AsSpan(0, length));
    }

    public void Bind(int index, DateTimeOffset value)
    {
        if (!value.UtcDateTime.TryFormat(_buffer, out var length, SqliteTime.Format, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Time {value:O} did not fit the {_buffer.Length}-byte buffer.");
        }

        raw.sqlite3_bind_text(statement, index, _buffer.AsSpan(0, length));
    }
}
