using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// <c>gangway serve</c> as a user starts it, in a process of its own: its standard error is captured while real requests
/// are answered, and it is stopped with SIGTERM (which writes out what the access log still holds).
/// </summary>
public sealed class ServeLoggingTests(ServeLoggingTests.TrainedBundle bundle) : IClassFixture<ServeLoggingTests.TrainedBundle>
{
    private const string Record = """[{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}]""";

    [Fact]
    public async Task Serve_Default_WritesOneTextAccessLinePerRequestAndNoFrameworkChatter()
    {
        var run = await Serve();

        var access = run.Error.Where(l => l.Contains(" request_id=", StringComparison.Ordinal)).ToList();
        Assert.Equal(run.Requests, access.Count);
        foreach (var id in run.Ids)
        {
            Assert.Single(access, l => l.Contains($" request_id={id} ", StringComparison.Ordinal));
        }

        Assert.Single(access, l => l.Contains(" info: POST /predict 200 ", StringComparison.Ordinal) && l.Contains("model=titanic", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Error, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(run.Error, l => l.Contains(" info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Serve_LogFormatJson_WritesEveryLineAsJsonWithOneAccessObjectPerRequest()
    {
        var run = await Serve("--log-format", "json");

        var lines = run.Error.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var access = lines.Where(l => l.TryGetProperty("category", out var c) && c.GetString() == "Gangway.Server.Hosting.AccessLog").ToList();
        Assert.Equal(run.Requests, access.Count);
        foreach (var id in run.Ids)
        {
            Assert.Single(access, l => l.GetProperty("request_id").GetString() == id);
        }

        Assert.Contains(lines, l => l.TryGetProperty("Category", out var c) && c.GetString() == "Microsoft.Hosting.Lifetime");
        Assert.DoesNotContain(run.Error, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_Quiet_WritesNoAccessLinesNorInformation()
    {
        var run = await Serve("-q");

        // On neither stream: the requests were answered (Serve checks), but nothing at Information was written.
        var everything = run.Error.Concat(run.Output).ToList();
        Assert.DoesNotContain(everything, l => l.Contains("request_id", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, l => l.Contains("info:", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, l => l.Contains("/ping", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_Verbose_AddsDebugEventsAndKeepsTheAccessLines()
    {
        var run = await Serve("-v");

        Assert.Contains(run.Error, l => l.Contains(" dbug: ", StringComparison.Ordinal));
        Assert.Equal(run.Requests, run.Error.Count(l => l.Contains(" request_id=", StringComparison.Ordinal)));
    }

    private async Task<ServeRun> Serve(params string[] options)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Gangway.Cli.dll"), "serve", "--model", bundle.Path, "--urls", url, "--prediction-log", "none", .. options])
        {
            start.ArgumentList.Add(argument);
        }

        var error = new ConcurrentQueue<string>();
        var output = new ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Keep(error, e.Data);
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        string[] ids = ["cli-ping-1", "cli-predict-1", "cli-ping-2"];
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilReady(client, process);
            foreach (var id in ids)
            {
                using var request = new HttpRequestMessage(id.Contains("predict", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, new Uri(id.Contains("predict", StringComparison.Ordinal) ? "/predict" : "/ping", UriKind.Relative));
                request.Headers.Add("X-Request-Id", id);
                if (request.Method == HttpMethod.Post)
                {
                    request.Content = new StringContent(Record, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await terminate.WaitForExitAsync();
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
            }

            // Without a timeout it also waits for the redirected output to be read to the end.
            process.WaitForExit();
        }

        Assert.Equal(0, process.ExitCode);
        // The one readiness probe that was answered is a request too.
        return new ServeRun([.. error], [.. output], ids, ids.Length + 1);
    }

    private static async Task WaitUntilReady(HttpClient client, Process process)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(process.HasExited, "gangway serve exited before it was ready");
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                Assert.Fail($"/health/ready answered {ready.StatusCode}");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail("gangway serve was not ready within a minute");
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ServeRun(IReadOnlyList<string> Error, IReadOnlyList<string> Output, IReadOnlyList<string> Ids, int Requests);

    /// <summary>A Titanic bundle trained once for these tests.</summary>
    public sealed class TrainedBundle : IDisposable
    {
        private readonly ExampleWorkspace _workspace = new();

        public TrainedBundle()
        {
            Path = _workspace["titanic.gwb"];
            var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--out", Path);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        public string Path { get; }

        public void Dispose() => _workspace.Dispose();
    }
}
