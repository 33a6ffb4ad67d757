using System.Buffers;
using System.Runtime.CompilerServices;

namespace Gangway.Data;

/// <summary>
/// Splits RFC 4180 text into records of fields without allocating per field. Fields are spans into a large char
/// buffer (or, for quoted fields with doubled quotes, into a scratch buffer) valid until the next <see cref="ReadRecord"/>.
/// Blank lines are skipped. Tracks the physical line where each record starts.
/// </summary>
internal sealed class CsvTokenizer
{
    // A record longer than this is almost certainly an unclosed quote; failing beats buffering the whole file.
    private const int MaxRecordChars = 1 << 25;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char _quote;
    private readonly SearchValues<char> _fieldEnds;
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atStart = true;
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private (int Start, int Length, bool InScratch)[] _fields = new (int, int, bool)[16];
    private long _nextLine = 1;
    private int _recordStart;
    private int _recordLength;

    public CsvTokenizer(TextReader reader, char delimiter, char quote)
    {
        _reader = reader;
        _delimiter = delimiter;
        _quote = quote;
        _fieldEnds = SearchValues.Create([delimiter, '\r', '\n']);
    }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based physical line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The index of a field with text after its closing quote, or -1.</summary>
    public int MalformedField { get; private set; }

    /// <summary>The field's content, unquoted and unescaped.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var (start, length, inScratch) = _fields[index];
        return inScratch ? _scratch.AsSpan(start, length) : _buffer.AsSpan(_recordStart + start, length);
    }

    /// <summary>The current record as written, without its line ending.</summary>
    public string RecordText() => new(_buffer, _recordStart, _recordLength);

    /// <summary>Moves to the next record; false at the end of the data.</summary>
    /// <exception cref="GangwayException">A quoted field is never closed, or a record is absurdly long.</exception>
    public bool ReadRecord()
    {
        if (_atStart)
        {
            _atStart = false;
            if (_end == 0)
            {
                Fill();
            }

            // A BOM survives when the caller hands us a TextReader that did not strip it.
            if (_end > 0 && _buffer[0] == '\uFEFF')
            {
                _start = 1;
            }
        }

        while (true)
        {
            var status = TryParse(out var consumed, out var lineBreaks);
            if (status == Status.Complete)
            {
                Line = _nextLine;
                _nextLine += 1 + lineBreaks;
                _recordStart = _start;
                _start += consumed;
                return true;
            }

            if (status == Status.End)
            {
                return false;
            }

            Fill();
        }
    }

    private enum Status
    {
        Complete,
        NeedMore,
        End,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Status TryParse(out int consumed, out int lineBreaks)
    {
        consumed = 0;
        lineBreaks = 0;
        SkipBlankLines();
        var span = _buffer.AsSpan(_start, _end - _start);
        if (span.IsEmpty)
        {
            return _eof ? Status.End : Status.NeedMore;
        }

        if (!_eof && span.Length == 1 && span[0] == '\r')
        {
            return Status.NeedMore;
        }

        FieldCount = 0;
        MalformedField = -1;
        _scratchLength = 0;
        var pos = 0;
        while (true)
        {
            if (pos < span.Length && span[pos] == _quote)
            {
                var quoted = ParseQuoted(span, pos, ref lineBreaks);
                if (quoted < 0)
                {
                    return Status.NeedMore;
                }

                pos = quoted;
                if (pos < span.Length && span[pos] != _delimiter && span[pos] != '\r' && span[pos] != '\n')
                {
                    MalformedField = MalformedField < 0 ? FieldCount - 1 : MalformedField;
                    var rest = span[pos..].IndexOfAny(_fieldEnds);
                    if (rest < 0 && !_eof)
                    {
                        return Status.NeedMore;
                    }

                    pos = rest < 0 ? span.Length : pos + rest;
                }
            }
            else
            {
                var length = FindFieldEnd(span[pos..]);
                if (length < 0)
                {
                    if (!_eof)
                    {
                        return Status.NeedMore;
                    }

                    length = span.Length - pos;
                }

                AddField(pos, length, inScratch: false);
                pos += length;
            }

            if (pos >= span.Length)
            {
                if (!_eof)
                {
                    return Status.NeedMore;
                }

                _recordLength = pos;
                consumed = pos;
                return Status.Complete;
            }

            var c = span[pos];
            if (c == _delimiter)
            {
                pos++;
                continue;
            }

            if (c == '\r' && pos + 1 >= span.Length && !_eof)
            {
                return Status.NeedMore;
            }

            _recordLength = pos;
            consumed = c == '\r' && pos + 1 < span.Length && span[pos + 1] == '\n' ? pos + 2 : pos + 1;
            return Status.Complete;
        }
    }

    /// <summary>The length of the unquoted field at the start of <paramref name="rest"/>, or -1 if it runs to the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindFieldEnd(ReadOnlySpan<char> rest)
    {
        // Most fields are short; a plain loop beats the set-up of a vectorized search for them.
        var head = Math.Min(rest.Length, 16);
        for (var i = 0; i < head; i++)
        {
            var c = rest[i];
            if (c == _delimiter || (c <= '\r' && c is '\r' or '\n'))
            {
                return i;
            }
        }

        if (head == rest.Length)
        {
            return -1;
        }

        var tail = rest[head..].IndexOfAny(_fieldEnds);
        return tail < 0 ? -1 : head + tail;
    }

    /// <summary>Parses the quoted field opening at <paramref name="open"/>; returns the position after its closing quote, or -1 for more data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseQuoted(ReadOnlySpan<char> span, int open, ref int lineBreaks)
    {
        var segment = open + 1;
        var escaped = false;
        var scratchStart = _scratchLength;
        while (true)
        {
            var offset = span[segment..].IndexOf(_quote);
            var close = offset < 0 ? -1 : segment + offset;
            if (close < 0 || (close + 1 >= span.Length && !_eof))
            {
                if (_eof)
                {
                    throw new GangwayException(
                        ErrorKind.InvalidInput,
                        $"Line {_nextLine}: a quoted field in this record is not closed before the end of the data.");
                }

                return -1;
            }

            lineBreaks += CountLineBreaks(span[segment..close]);
            if (close + 1 < span.Length && span[close + 1] == _quote)
            {
                AppendScratch(span[segment..(close + 1)]);
                escaped = true;
                segment = close + 2;
                continue;
            }

            if (escaped)
            {
                AppendScratch(span[segment..close]);
                AddField(scratchStart, _scratchLength - scratchStart, inScratch: true);
            }
            else
            {
                AddField(open + 1, close - open - 1, inScratch: false);
            }

            return close + 1;
        }
    }

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = text.Count('\n');
        if (text.Contains('\r'))
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private void SkipBlankLines()
    {
        while (_start < _end)
        {
            var c = _buffer[_start];
            if (c == '\n')
            {
                _start++;
            }
            else if (c == '\r' && (_start + 1 < _end || _eof))
            {
                _start += _start + 1 < _end && _buffer[_start + 1] == '\n' ? 2 : 1;
            }
            else
            {
                return;
            }

            _nextLine++;
        }
    }

    private void AddField(int start, int length, bool inScratch)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = (start, length, inScratch);
    }

    private void AppendScratch(ReadOnlySpan<char> text)
    {
        if (_scratchLength + text.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + text.Length));
        }

        text.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += text.Length;
    }

    private void Fill()
    {
        if (_eof)
        {
            return;
        }

        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }
        else if (pending == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordChars)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Line {_nextLine}: a record is longer than {MaxRecordChars} characters; is a quote left open?");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _start = 0;
        _end = pending;
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }
}
