using System.Buffers;
using System.Diagnostics;
using Gangway.Server.Serving;

namespace Gangway.Server.Logging;

/// <summary>
/// Puts one entry per request in the <see cref="AccessLog"/>: time, request id, method, route, status, latency and the
/// served model. The request id is the client's
/// <c>X-Request-Id</c> when it is a short safe token, else the host's trace identifier, and is echoed in the response's
/// <c>X-Request-Id</c> header. Never logs bodies, query strings or header values other than the request id, so the
/// values of personal-data columns cannot reach the logs from here.
/// </summary>
internal sealed class RequestLogging(RequestDelegate next, AccessLog accessLog, LoadedModel model, TimeProvider time)
{
    public const string Header = "X-Request-Id";

    private const int MaxIdLength = 64;

    private static readonly SearchValues<char> SafeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        if (IsSafeId(context.Request.Headers[Header].ToString()) is { } incoming)
        {
            context.TraceIdentifier = incoming;
        }

        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (accessLog.IsEnabled)
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                accessLog.Write(new AccessEntry(
                    time.GetUtcNow(), context.TraceIdentifier, context.Request.Method, route, context.Response.StatusCode, elapsed, model.IsReady ? model.Current : null));
            }
        }
    }

    /// <summary>The id when it is 1 to 64 letters, digits or <c>- _ . :</c>; otherwise null.</summary>
    internal static string? IsSafeId(string id) =>
        id.Length is > 0 and <= MaxIdLength && !id.AsSpan().ContainsAnyExcept(SafeCharacters) ? id : null;
}
