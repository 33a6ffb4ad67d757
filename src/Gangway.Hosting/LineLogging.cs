using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Gangway.Hosting;

/// <summary>
/// A command's logging through Microsoft.Extensions.Logging: one readable line per event, or one JSON object per line
/// for log shippers (<see cref="LogFormats"/>). Written synchronously so nothing is lost when a short-lived process exits;
/// a long-running service logs through <see cref="HostLogging.AddServiceLogging"/> instead.
/// </summary>
public static class LineLogging
{
    /// <summary>A logger factory writing events from <paramref name="minimum"/> up to <paramref name="writer"/> in <paramref name="format"/>.</summary>
    public static ILoggerFactory CreateFactory(TextWriter writer, string format, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var json = string.Equals(format, LogFormats.Json, StringComparison.Ordinal);
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddProvider(new WriterLoggerProvider(writer, json)));
    }

    private sealed class WriterLoggerProvider(TextWriter writer, bool json) : ILoggerProvider
    {
        private readonly Lock _lock = new();

        public ILogger CreateLogger(string categoryName) => new WriterLogger(this, categoryName);

        public void Dispose() => writer.Flush();

        public void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>>? state)
        {
            string line;
            if (json)
            {
                var fields = new Dictionary<string, object?>
                {
                    ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                    ["level"] = level.ToString(),
                    ["category"] = category,
                    ["message"] = message,
                };
                foreach (var (key, value) in state ?? [])
                {
                    if (key != "{OriginalFormat}")
                    {
                        fields[key] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
                    }
                }

                if (exception is not null)
                {
                    fields["exception"] = exception.ToString();
                }

                line = JsonSerializer.Serialize(fields);
            }
            else
            {
                line = $"{Label(level)} {message}";
                if (exception is not null)
                {
                    line += Environment.NewLine + exception;
                }
            }

            lock (_lock)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }

        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trace:",
            LogLevel.Debug => "debug:",
            LogLevel.Information => "info: ",
            LogLevel.Warning => "warn: ",
            LogLevel.Error => "error:",
            _ => "fatal:",
        };
    }

    private sealed class WriterLogger(WriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            provider.Write(category, logLevel, eventId, formatter(state, exception), exception, state as IReadOnlyList<KeyValuePair<string, object?>>);
        }
    }
}
