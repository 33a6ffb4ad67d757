using System.Text;

namespace Gangway.Server.Tests;

/// <summary>
/// An output for the access log that keeps what it is given; it can be stalled (every write waits until
/// <see cref="Release"/>) to play a standard error nobody reads.
/// </summary>
internal sealed class CapturedAccessLog : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();
    private readonly ManualResetEventSlim _open;

    public CapturedAccessLog(bool stalled = false) => _open = new ManualResetEventSlim(!stalled);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Lets stalled writes through, and every later one.</summary>
    public void Release() => _open.Set();

    /// <summary>The lines once at least <paramref name="count"/> were written (the writer is asynchronous), or after 30 s.</summary>
    public async Task<IReadOnlyList<string>> WaitForLines(int count)
    {
        for (var waited = 0; Lines.Count < count && waited < 30_000; waited += 20)
        {
            await Task.Delay(20);
        }

        return Lines;
    }

    public override void Write(char value) => Write([value], 0, 1);

    public override void Write(char[] buffer, int index, int count)
    {
        _open.Wait();
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open.Dispose();
        }

        base.Dispose(disposing);
    }
}
