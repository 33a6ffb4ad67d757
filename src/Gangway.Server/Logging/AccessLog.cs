using System.Text;
using System.Threading.Channels;
using Gangway.Hosting;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Logging;

/// <summary>
/// The access log: one line per answered request, in the chosen format (<see cref="ServerOptions.LogFormat"/>), written
/// off the request thread. Requests put their entry in a bounded queue (<see cref="ServerOptions.AccessLogQueueSize"/>)
/// and never wait: when the queue is full (the output is slower than the requests, or stalled) the entry is dropped and
/// counted in <c>gangway_access_log_dropped_total</c>, as are lines the output refused. A thread of its own formats
/// what has queued and writes it in one call per batch (on standard error, one system call). On at the Information level of the logging category
/// <see cref="AccessLogFormatter.Category"/> (so <c>Logging:LogLevel</c> switches it, like any log). Disposing
/// writes what is still queued, waiting at most 2 seconds. Thread-safe.
/// </summary>
internal sealed class AccessLog : IDisposable
{
    private const int MaxBatch = 1024;

    // Gathering for a moment after each batch makes batches larger under load: fewer writes and fewer wake-ups.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan DrainOnDispose = TimeSpan.FromSeconds(2);

    private readonly Channel<AccessEntry> _queue;
    private readonly AccessLogFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Stream? _standardError;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger _switch;
    private readonly Thread _writer;

    public AccessLog(IOptions<ServerOptions> options, AccessLogOutput output, ServiceMetrics metrics, ILoggerFactory loggers)
    {
        _queue = Channel.CreateBounded<AccessEntry>(new BoundedChannelOptions(options.Value.AccessLogQueueSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _formatter = new AccessLogFormatter(string.Equals(options.Value.LogFormat, LogFormats.Json, StringComparison.Ordinal));
        _output = output.Writer;
        // Console.Error's own writer would cut a batch into 256-character writes, a system call each: standard error
        // gets a stream of its own and one write of UTF-8 bytes per batch.
        _standardError = ReferenceEquals(output.Writer, Console.Error) ? Console.OpenStandardError() : null;
        _metrics = metrics;
        _switch = loggers.CreateLogger(AccessLogFormatter.Category);
        _writer = new Thread(WriteBatches) { IsBackground = true, Name = "Gangway access log" };
        _writer.Start();
    }

    /// <summary>Whether access lines are written (the category's Information level is on).</summary>
    public bool IsEnabled => _switch.IsEnabled(LogLevel.Information);

    /// <summary>Queues the entry, or drops and counts it when the queue is full. Never blocks.</summary>
    public void Write(in AccessEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            _metrics.RecordAccessLogDropped(1);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (_writer.Join(DrainOnDispose))
        {
            _standardError?.Dispose();
        }
    }

    private void WriteBatches()
    {
        var reader = _queue.Reader;
        var batch = new StringBuilder();
        var chars = Array.Empty<char>();
        var bytes = Array.Empty<byte>();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            var lines = 0;
            while (lines < MaxBatch && reader.TryRead(out var entry))
            {
                _formatter.Append(batch, entry);
                lines++;
            }

            try
            {
                Write(batch, ref chars, ref bytes);
            }
#pragma warning disable CA1031 // Logging never breaks the service: lines the output refused are counted, not thrown.
            catch (Exception)
#pragma warning restore CA1031
            {
                _metrics.RecordAccessLogDropped(lines);
            }

            if (lines < MaxBatch && !reader.Completion.IsCompleted)
            {
                Thread.Sleep(Gather);
            }
        }
    }

    // One call per batch, so the console logger's lines on the same output fall between batches, not inside lines.
    private void Write(StringBuilder batch, ref char[] chars, ref byte[] bytes)
    {
        chars = Fit(chars, batch.Length);
        batch.CopyTo(0, chars, batch.Length);
        if (_standardError is null)
        {
            _output.Write(chars, 0, batch.Length);
            _output.Flush();
            return;
        }

        bytes = Fit(bytes, Encoding.UTF8.GetMaxByteCount(batch.Length));
        var length = Encoding.UTF8.GetBytes(chars, 0, batch.Length, bytes, 0);
        _standardError.Write(bytes, 0, length);
    }

    private static T[] Fit<T>(T[] buffer, int length) => buffer.Length >= length ? buffer : new T[Math.Max(length, buffer.Length * 2)];
}

/// <summary>Where the access log writes: standard error unless the host says otherwise (tests, the CLI's writer).</summary>
/// <param name="Writer">The writer; written from one thread, one batch of whole lines per call.</param>
internal sealed record AccessLogOutput(TextWriter Writer);
