using System.Diagnostics;
using System.Text.Json.Nodes;
using Gangway.Cli.Tests.Commands;

namespace Gangway.Cli.Tests.Infrastructure;

/// <summary>
/// Every <c>--out</c> through the real command tree: files are replaced atomically, while devices, named pipes and
/// symbolic links keep what they are, and <c>-</c> is standard output. File types are checked with <c>stat</c> itself.
/// </summary>
public sealed class FileOutputTests : IClassFixture<TrainedExample>, IDisposable
{
    private readonly TrainedExample _example;
    private readonly string _folder;

    public FileOutputTests(TrainedExample example)
    {
        _example = example;
        _folder = Directory.CreateDirectory(example.Workspace[$"out-{Guid.NewGuid():N}"]).FullName;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Predict_OutToDevNull_WritesThroughAndDevNullStaysADevice()
    {
        var run = Predict("/dev/null");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("character special file", Shell($"stat -c %F /dev/null"));
    }

    [Fact]
    public void TrainAndEvaluate_OutToACharacterDevice_KeepTheDevice()
    {
        // A null device of the test's own (root only), so a regression replaces it and not the machine's /dev/null.
        var device = Path.Combine(_folder, "null");
        if (Environment.UserName != "root" || !TryShell($"mknod '{device}' c 1 3"))
        {
            device = "/dev/null";
        }

        var trained = CliRun.Invoke("train", "--no-track", "--spec", _example.Workspace["baseline.yaml"], "--data", _example.Workspace["train.csv"], "--out", device, "-q");
        var evaluated = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", _example.Workspace["validation.csv"], "--out", device);
        var predicted = Predict(device);

        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Equal("character special file", Shell($"stat -c %F '{device}'"));
        Assert.Equal(device == "/dev/null" ? [] : ["null"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Predict_OutToANamedPipe_WritesIntoThePipeAndItStaysAPipe()
    {
        var fifo = Path.Combine(_folder, "predictions.fifo");
        // A second name for the same pipe, to release the reader if the command replaced or never opened the first.
        var spare = _example.Workspace[$"spare-{Guid.NewGuid():N}.fifo"];
        Shell($"mkfifo '{fifo}' && ln '{fifo}' '{spare}'");
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = Predict(fifo);

        if (await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(10))) != reader)
        {
            File.WriteAllText(spare, "");
        }

        File.Delete(spare);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = (await reader).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("PassengerId,prediction,probability", lines[0]);
        Assert.Equal(File.ReadAllLines(_example.Workspace["predict.csv"]).Length, lines.Length);
        Assert.Equal("fifo", Shell($"stat -c %F '{fifo}'"));
        Assert.Equal(["predictions.fifo"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Predict_OutToASymbolicLink_WritesTheFileItPointsAtAndTheLinkStays()
    {
        var targets = Directory.CreateDirectory(Path.Combine(_folder, "targets")).FullName;
        var target = Path.Combine(targets, "predictions.csv");
        File.WriteAllText(target, "old\n");
        var link = Path.Combine(_folder, "latest.csv");
        File.CreateSymbolicLink(link, Path.Combine("targets", "predictions.csv"));

        var run = Predict(link);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Path.Combine("targets", "predictions.csv"), new FileInfo(link).LinkTarget);
        Assert.StartsWith("PassengerId,prediction,probability", File.ReadAllText(target), StringComparison.Ordinal);
        // The temporary file went beside the target and was renamed there: nothing is left in either folder.
        Assert.Equal(["predictions.csv"], Directory.GetFileSystemEntries(targets).Select(Path.GetFileName));
        Assert.Equal(["latest.csv", "targets"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Predict_OutToADanglingSymbolicLink_CreatesTheFileItNames()
    {
        var link = Path.Combine(_folder, "latest.csv");
        File.CreateSymbolicLink(link, "created.csv");

        var run = Predict(link);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("created.csv", new FileInfo(link).LinkTarget);
        Assert.StartsWith("PassengerId,", File.ReadAllText(Path.Combine(_folder, "created.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutDash_WritesTheJsonToStandardOutputAndNoFileNamedDash()
    {
        var run = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", _example.Workspace["validation.csv"], "--out", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Only the JSON on standard output (the tables go to standard error), so it pipes into jq.
        Assert.NotNull(JsonNode.Parse(run.Output)!["roc_auc"]);
        Assert.Contains("roc_auc", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("-"), "evaluate --out - wrote a file named '-'.");
    }

    [Fact]
    public void Predict_RejectsDash_WritesTheRejectedRowsToStandardOutput()
    {
        var data = Path.Combine(_folder, "bad.csv");
        var lines = File.ReadAllLines(_example.Workspace["predict.csv"]);
        File.WriteAllLines(data, [lines[0], lines[1].Replace(",3,", ",7,", StringComparison.Ordinal), .. lines[2..]]);
        var output = Path.Combine(_folder, "p.csv");

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", data, "--out", output, "--on-error", "skip", "--rejects", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("line,column,reason,record", run.Output, StringComparison.Ordinal);
        Assert.Contains("Pclass", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists("-"));
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("evaluate")]
    [InlineData("train")]
    public void Out_InAFolderThatDoesNotExist_IsNotFoundBeforeAnyWorkAndCreatesNothing(string command)
    {
        var missing = Path.Combine(_folder, "missing");
        var output = Path.Combine(missing, "out.file");
        string[] args = command switch
        {
            "predict" => ["predict", "--model", _example.Bundle, "--data", _example.Workspace["predict.csv"], "--out", output],
            "evaluate" => ["evaluate", "--model", _example.Bundle, "--data", _example.Workspace["validation.csv"], "--out", output],
            _ => ["train", "--no-track", "--spec", _example.Workspace["baseline.yaml"], "--data", _example.Workspace["train.csv"], "--out", output],
        };

        var run = CliRun.Invoke(args);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"folder '{missing}' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Train_OutDash_IsAUsageError()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _example.Workspace["baseline.yaml"], "--data", _example.Workspace["train.csv"], "--out", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("train --out cannot be '-'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_OutToAFolder_SaysItIsAFolder()
    {
        var run = Predict(_folder);

        // A usage error, as for every path option given a folder (see DidYouMeanTests).
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder, not a file", run.Error, StringComparison.Ordinal);
    }

    private CliRun Predict(string output) =>
        CliRun.Invoke("predict", "--model", _example.Bundle, "--data", _example.Workspace["predict.csv"], "--out", output);

    private static string Shell(string command)
    {
        var (exit, output) = RunShell(command);
        Assert.True(exit == 0, $"'{command}' exited {exit}: {output}");
        return output.Trim();
    }

    private static bool TryShell(string command) => RunShell(command).Exit == 0;

    private static (int Exit, string Output) RunShell(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
