using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gangway.Server.Tests;

/// <summary>A logger provider that keeps every event of a test server, at every level, to inspect and to format.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    /// <summary>A server that logs into this provider too, at every level.</summary>
    public WebApplicationFactory<T> Attach<T>(WebApplicationFactory<T> factory)
        where T : class => factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(this);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        }));

    /// <summary>Every event as text: category, message, each structured value, scopes and exception.</summary>
    public IEnumerable<string> Lines() => Events.Select(e => e.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record LogEvent(string? EventName, string Text);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new List<string> { category, formatter(state, exception), exception?.ToString() ?? "" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes.ForEachScope((scope, lines) => lines.Add(scope?.ToString() ?? ""), text);
            owner.Events.Enqueue(new LogEvent(eventId.Name, string.Join('\n', text)));
        }
    }
}
