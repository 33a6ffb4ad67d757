using System.Diagnostics;
using Gangway.Cli.Tests.Commands;

namespace Gangway.Cli.Tests.Infrastructure;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM in the middle of writing an output, with the real tool in a process of its own. The
/// input is a named pipe the test feeds and holds open, so the command is reliably mid-write when the signal arrives.
/// </summary>
public sealed class TemporaryOutputsTests : IClassFixture<TrainedExample>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TrainedExample _example;
    private readonly string _folder;

    public TemporaryOutputsTests(TrainedExample example)
    {
        _example = example;
        _folder = Directory.CreateDirectory(example.Workspace[$"signals-{Guid.NewGuid():N}"]).FullName;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Predict_SignalWhileWriting_DeletesTheTemporaryFileKeepsTheTargetAndExits(string signal, int exitCode)
    {
        var target = Path.Combine(_folder, "predictions.csv");
        File.WriteAllText(target, "the previous predictions\n");
        var input = NamedPipe("rows.fifo");
        using var child = Start("predict", "--model", _example.Bundle, "--data", input, "--out", target);

        await using var feed = await OpenForWritingAsync(input, child);
        await feed.WriteAsync(File.ReadAllBytes(_example.Workspace["predict.csv"]));
        await feed.FlushAsync();
        var temporary = await WaitForAsync(() => TemporaryFiles().FirstOrDefault(), child, "the temporary output file");

        Kill(child.Id, signal);
        var exit = await ExitCodeAsync(child);

        Assert.True(exit == exitCode, $"predict exited {exit} after SIG{signal}, expected {exitCode}.\n{await Transcript(child)}");
        Assert.False(File.Exists(temporary), $"SIG{signal} left the temporary file {temporary}.");
        Assert.Empty(TemporaryFiles());
        Assert.Equal("the previous predictions\n", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Train_SignalWhileTraining_ExitsAndKeepsTheTarget(string signal, int exitCode)
    {
        var target = Path.Combine(_folder, "model.gwb");
        File.WriteAllText(target, "the previous bundle");
        var input = NamedPipe("training.fifo");
        using var child = Start("train", "--no-track", "--spec", _example.Workspace["baseline.yaml"], "--data", input, "--out", target);

        await using var feed = await OpenForWritingAsync(input, child);
        await feed.WriteAsync(File.ReadAllBytes(_example.Workspace["train.csv"]).AsMemory(0, 4096));
        await feed.FlushAsync();

        Kill(child.Id, signal);
        var exit = await ExitCodeAsync(child);

        Assert.True(exit == exitCode, $"train exited {exit} after SIG{signal}, expected {exitCode}.\n{await Transcript(child)}");
        Assert.Empty(TemporaryFiles());
        Assert.Equal("the previous bundle", File.ReadAllText(target));
    }

    private string[] TemporaryFiles() => Directory.GetFiles(_folder, ".*.tmp");

    private string NamedPipe(string name)
    {
        var path = Path.Combine(_folder, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    // The real tool: dotnet Gangway.Cli.dll <args> -q, standard output and error kept for the failure message.
    private Process Start(params string[] args)
    {
        // Through perl, which puts SIGINT back to its default before running the tool: a test run started as a background
        // job of a non-interactive shell (as CI may be) inherits SIGINT ignored, which .NET keeps, while the user this
        // test stands for pressed Ctrl+C in a terminal.
        var start = new ProcessStartInfo("perl")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "dotnet", Path.Combine(AppContext.BaseDirectory, "Gangway.Cli.dll"), .. args, "-q"])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    // Opening a pipe for writing waits for its reader: the command, once it has loaded the model and opened --data.
    private static async Task<FileStream> OpenForWritingAsync(string pipe, Process child)
    {
        var open = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write, FileShare.ReadWrite));
        await WaitForAsync(() => open.IsCompleted ? "opened" : null, child, $"the command to open {pipe}");
        return await open;
    }

    private static async Task<string> WaitForAsync(Func<string?> probe, Process child, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Patience)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (child.HasExited)
            {
                Assert.Fail($"The command exited {child.ExitCode} before {what}.\n{await Transcript(child)}");
            }

            await Task.Delay(20);
        }

        child.Kill(entireProcessTree: true);
        Assert.Fail($"No {what} after {Patience}.");
        return "";
    }

    private static void Kill(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task<int> ExitCodeAsync(Process child)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"The command did not stop within {Patience} of the signal.");
        }

        return child.ExitCode;
    }

    private static async Task<string> Transcript(Process child) =>
        $"--- stdout\n{await child.StandardOutput.ReadToEndAsync()}\n--- stderr\n{await child.StandardError.ReadToEndAsync()}";
}
