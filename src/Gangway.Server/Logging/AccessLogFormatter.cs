using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gangway.Server.Logging;

/// <summary>
/// Formats access entries as one line each: readable text
/// (<c>2026-12-07T09:02:14.123Z info: POST /predict 200 1.874 ms request_id=42 model=titanic version=ad7324b271dd</c>)
/// or one JSON object (<c>{"timestamp": ..., "level": "Information", "category": ..., "method": ..., "route": ...,
/// "status": ..., "elapsed_ms": ..., "request_id": ..., "model": ..., "version": ...}</c>). Not thread-safe: one per writer.
/// </summary>
internal sealed class AccessLogFormatter(bool json)
{
    /// <summary>The <c>category</c> of JSON access lines; also the logging category that switches them on and off.</summary>
    public const string Category = "Gangway.Server.Hosting.AccessLog";

    // Characters that make a text value quoted: separators, quotes, and anything that could break or fake a line.
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(
        " \"=\\\u007f\u2028\u2029" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)) + string.Concat(Enumerable.Range(0x80, 32).Select(c => (char)c)));

    private readonly TextFields _text = new();
    private readonly JsonFields _json = new();

    // The timestamp up to the seconds, formatted once per second: most lines of a batch share it.
    private long _second = -1;
    private string _secondText = "";

    /// <summary>Appends the entry and a line feed.</summary>
    public void Append(StringBuilder line, in AccessEntry entry)
    {
        if (json)
        {
            line.Append("{\"timestamp\":\"");
            AppendTime(line, entry.Time);
            line.Append("\",\"level\":\"Information\",\"category\":\"" + Category + "\",\"method\":");
            JsonFields.AppendString(line, entry.Method);
            line.Append(",\"route\":");
            JsonFields.AppendString(line, entry.Route);
            line.Append(",\"status\":").Append(entry.Status).Append(",\"elapsed_ms\":");
            AppendMilliseconds(line, entry.ElapsedMs);
            _json.Line = line;
            entry.WriteDetails(_json);
            line.Append('}');
        }
        else
        {
            // Method and route are HTTP tokens and route patterns: no spaces or line breaks.
            AppendTime(line, entry.Time);
            line.Append(" info: ").Append(entry.Method).Append(' ').Append(entry.Route).Append(' ').Append(entry.Status).Append(' ');
            AppendMilliseconds(line, entry.ElapsedMs);
            line.Append(" ms");
            _text.Line = line;
            entry.WriteDetails(_text);
        }

        line.Append('\n');
    }

    // Milliseconds with up to 3 decimals and no trailing zeros, like the format "0.###".
    private static void AppendMilliseconds(StringBuilder line, double milliseconds)
    {
        var microseconds = (long)Math.Round(Math.Max(milliseconds, 0) * 1000, MidpointRounding.AwayFromZero);
        line.Append(microseconds / 1000);
        var fraction = (int)(microseconds % 1000);
        if (fraction == 0)
        {
            return;
        }

        line.Append('.').Append((char)('0' + (fraction / 100)));
        if ((fraction %= 100) != 0)
        {
            line.Append((char)('0' + (fraction / 10)));
            if ((fraction %= 10) != 0)
            {
                line.Append((char)('0' + fraction));
            }
        }
    }

    // yyyy-MM-ddTHH:mm:ss.fffZ in UTC.
    private void AppendTime(StringBuilder line, DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var second = ticks / TimeSpan.TicksPerSecond;
        if (second != _second)
        {
            _second = second;
            _secondText = new DateTime(second * TimeSpan.TicksPerSecond, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.", CultureInfo.InvariantCulture);
        }

        var milliseconds = (int)(ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMillisecond);
        line.Append(_secondText)
            .Append((char)('0' + (milliseconds / 100)))
            .Append((char)('0' + (milliseconds / 10 % 10)))
            .Append((char)('0' + (milliseconds % 10)))
            .Append('Z');
    }

    private sealed class TextFields : IAccessFields
    {
        public StringBuilder Line { get; set; } = new();

        public void Add(string name, string? value)
        {
            Line.Append(' ').Append(name).Append('=');
            if (value is null)
            {
                Line.Append('-');
            }
            else if (value.Length > 0 && !value.AsSpan().ContainsAny(NeedsQuotes))
            {
                Line.Append(value);
            }
            else
            {
                // Quoted like logfmt, so a value can never split the line or fake another field.
                JsonFields.AppendString(Line, value);
            }
        }

        public void Add(string name, long value) => Line.Append(' ').Append(name).Append('=').Append(value);
    }

    private sealed class JsonFields : IAccessFields
    {
        public StringBuilder Line { get; set; } = new();

        public void Add(string name, string? value)
        {
            Line.Append(",\"").Append(name).Append("\":");
            if (value is null)
            {
                Line.Append("null");
            }
            else
            {
                AppendString(Line, value);
            }
        }

        public void Add(string name, long value) => Line.Append(",\"").Append(name).Append("\":").Append(value);

        /// <summary>Appends a JSON string literal: quotes, backslashes and control characters escaped.</summary>
        public static void AppendString(StringBuilder line, string value)
        {
            line.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        line.Append("\\\"");
                        break;
                    case '\\':
                        line.Append("\\\\");
                        break;
                    case < ' ' or '\u007f' or '\u2028' or '\u2029':
                        line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                        break;
                    default:
                        line.Append(c);
                        break;
                }
            }

            line.Append('"');
        }
    }
}
