using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>
/// One replica: <c>gangway serve</c> as a user starts it, in a process of its own (<c>dotnet Gangway.Cli.dll serve ...</c>),
/// on a free loopback port, stopped with SIGTERM. Its standard error is kept for failure messages.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _error = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the replica listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the replica wrote on standard error (warnings and errors: it runs with <c>-q</c>).</summary>
    public string Errors => string.Join("\n", _error);

    /// <summary>Starts <c>gangway serve <paramref name="arguments"/></c> with <paramref name="environment"/> and waits until it is ready.</summary>
    public static async Task<ServeProcess> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Gangway.Cli.dll"), "serve", .. arguments, "--urls", address.GetLeftPart(UriPartial.Authority), "-q"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var serve = new ServeProcess(process, address);
        process.ErrorDataReceived += (_, e) => serve.Keep(e.Data);
        process.OutputDataReceived += (_, e) => serve.Keep(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await serve.WaitUntilReadyAsync();
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }

        return serve;
    }

    /// <summary>Kills the process outright (SIGKILL), as a crash or an out-of-memory kill would, and waits for it to end.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => new(ChildProcess.StopAsync(_process));

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"gangway serve exited with {_process.ExitCode} before it was ready:\n{Errors}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"gangway serve at {Address} was not ready within 90 s:\n{Errors}");
    }

    private void Keep(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            _error.Enqueue(line);
            while (_error.Count > 200 && _error.TryDequeue(out _))
            {
            }
        }
    }
}
