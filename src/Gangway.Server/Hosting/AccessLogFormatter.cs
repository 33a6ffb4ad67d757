using System.Globalization;
using System.Text;

namespace Gangway.Server.Hosting;

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

    private readonly TextFields _text = new();
    private readonly JsonFields _json = new();

    /// <summary>Appends the entry and a line feed.</summary>
    public void Append(StringBuilder line, in AccessEntry entry)
    {
        if (json)
        {
            line.Append(CultureInfo.InvariantCulture, $"{{\"timestamp\":\"{entry.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z\",\"level\":\"Information\",\"category\":\"{Category}\",\"method\":");
            JsonFields.AppendString(line, entry.Method);
            line.Append(",\"route\":");
            JsonFields.AppendString(line, entry.Route);
            line.Append(CultureInfo.InvariantCulture, $",\"status\":{entry.Status},\"elapsed_ms\":{entry.ElapsedMs:0.###}");
            _json.Line = line;
            entry.WriteDetails(_json);
            line.Append('}');
        }
        else
        {
            // Method and route are HTTP tokens and route patterns: no spaces or line breaks.
            line.Append(CultureInfo.InvariantCulture, $"{entry.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z info: {entry.Method} {entry.Route} {entry.Status} {entry.ElapsedMs:0.###} ms");
            _text.Line = line;
            entry.WriteDetails(_text);
        }

        line.Append('\n');
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
            else if (value.Length > 0 && !value.AsSpan().ContainsAny(" \"=\\") && !value.Any(char.IsControl))
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
