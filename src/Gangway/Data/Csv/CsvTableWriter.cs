using System.Buffers;
using System.Globalization;

namespace Gangway.Data;

/// <summary>
/// Writes tables as RFC 4180 CSV, a header and then any number of row batches, always the same named columns in the
/// same order: numbers in <see cref="Column.FormatNumber"/> form, missing values as empty fields, fields holding a
/// comma, quote or line break quoted with doubled quotes, LF line endings. Buffers internally and writes to the
/// <see cref="TextWriter"/> at the end of each call (without flushing it); give it a UTF-8 writer without BOM,
/// as <see cref="CsvWriter.WriteFile"/> does. Not thread-safe.
/// </summary>
public sealed class CsvTableWriter
{
    private const int BufferChars = 1 << 16;

    // A number needs at most 24 chars in round-trip form; text larger than this bypasses the buffer.
    private const int MaxNumberChars = 32;

    // Below 1e15 the round-trip form of an integral double has no exponent.
    private const double MaxPlainInteger = 1e15;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextWriter _writer;
    private readonly string[] _columns;
    private readonly char[] _buffer = new char[BufferChars];
    private int _length;

    /// <summary>Creates a writer of the named columns, in that order.</summary>
    /// <exception cref="ArgumentException">No columns are given, or a name repeats.</exception>
    public CsvTableWriter(TextWriter writer, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one column is needed.", nameof(columns));
        }

        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("Column names must be distinct.", nameof(columns));
        }

        _writer = writer;
        _columns = [.. columns];
    }

    /// <summary>The columns written, in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Writes the header row of column names.</summary>
    public void WriteHeader()
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0)
            {
                Append(',');
            }

            AppendText(_columns[i]);
        }

        Append('\n');
        Flush();
    }

    /// <summary>Writes every row of <paramref name="table"/>; other columns of the table are ignored.</summary>
    /// <exception cref="GangwayException">The table lacks one of the columns; the message lists those present.</exception>
    public void WriteRows(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = _columns.Select(name => table[name]).ToArray();
        // A lone empty field would make a blank line, which readers skip; quoting keeps the row.
        var quoteLoneMissing = columns.Length == 1;
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    Append(',');
                }

                if (columns[c] is NumericColumn numeric)
                {
                    AppendNumber(numeric[row], quoteLoneMissing);
                }
                else if (((TextColumn)columns[c])[row] is { } text)
                {
                    AppendText(text);
                }
                else if (quoteLoneMissing)
                {
                    AppendText(string.Empty);
                }
            }

            Append('\n');
        }

        Flush();
    }

    private void AppendNumber(double value, bool quoteMissing)
    {
        if (double.IsNaN(value))
        {
            if (quoteMissing)
            {
                AppendText(string.Empty);
            }

            return;
        }

        Reserve(MaxNumberChars);
        int written;
        if (IsPlainInteger(value))
        {
            // Integers (ids, counts, classes) print the same either way, and formatting a long is much cheaper.
            ((long)value).TryFormat(_buffer.AsSpan(_length), out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            value.TryFormat(_buffer.AsSpan(_length), out written, "R", CultureInfo.InvariantCulture);
        }

        _length += written;
    }

    // Negative zero must stay "-0", which a long cannot say.
    private static bool IsPlainInteger(double value) =>
        Math.Abs(value) < MaxPlainInteger && value == Math.Truncate(value) && (value != 0 || !double.IsNegative(value));

    private void AppendText(string text)
    {
        // Empty text is written as "" so tools that tell empty from missing can; Gangway reads both as missing.
        if (text.Length > 0 && text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            AppendRaw(text);
            return;
        }

        Append('"');
        var rest = text.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            AppendRaw(rest[..(quote + 1)]);
            Append('"');
            rest = rest[(quote + 1)..];
        }

        AppendRaw(rest);
        Append('"');
    }

    private void AppendRaw(ReadOnlySpan<char> text)
    {
        if (text.Length > BufferChars / 2)
        {
            Flush();
            _writer.Write(text);
            return;
        }

        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Append(char c)
    {
        Reserve(1);
        _buffer[_length++] = c;
    }

    private void Reserve(int chars)
    {
        if (_length + chars > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _writer.Write(_buffer, 0, _length);
        _length = 0;
    }
}
