using System.Diagnostics;
using System.Text;

namespace Gangway.Cli.Tests;

/// <summary>
/// Packs the core library and the tool the way a release does, installs the tool from the local packages and runs it:
/// catches what in-process tests cannot (a missing file in the package, a wrong command name, a dependency not shipped).
/// </summary>
[Trait("Category", "Pack")]
public sealed class PackAndInstallTests : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Directory.CreateTempSubdirectory("gangway-pack-").FullName;

    [Fact]
    public async Task PackedTool_InstallsAndTrainsTheTitanicBaseline()
    {
        var repository = FindRepositoryRoot();
        var packages = Path.Combine(_root, "packages");

        // A Release build of its own under the artifacts path: never races with the test run's bin/ and obj/ folders.
        foreach (var project in new[] { "src/Gangway/Gangway.csproj", "src/Gangway.Cli/Gangway.Cli.csproj" })
        {
            await RunDotnetAsync(repository, PackTimeout, "pack", Path.Combine(repository, project), "--configuration", "Release",
                "--artifacts-path", Path.Combine(_root, "artifacts"), "--output", packages,
                "-nodeReuse:false", "-p:UseSharedCompilation=false", "-warnaserror");
        }

        var core = SinglePackage(packages, "Gangway.");
        var tool = SinglePackage(packages, "Gangway.Cli.");
        var version = Path.GetFileNameWithoutExtension(tool)["Gangway.Cli.".Length..];
        Assert.Equal($"Gangway.{version}.nupkg", Path.GetFileName(core));

        var tools = Path.Combine(_root, "tools");
        await RunDotnetAsync(_root, PackTimeout, "tool", "install", "Gangway.Cli", "--tool-path", tools,
            "--add-source", packages, "--version", version);
        var gangway = Path.Combine(tools, OperatingSystem.IsWindows() ? "gangway.exe" : "gangway");

        var printed = await RunAsync(gangway, _root, RunTimeout, "--version");
        Assert.Equal(version, printed.Trim());

        var examples = Path.Combine(repository, "examples", "titanic");
        var bundle = Path.Combine(_root, "m.gwb");
        await RunAsync(gangway, _root, RunTimeout, "train", "--spec", Path.Combine(examples, "baseline.yaml"),
            "--data", Path.Combine(examples, "data", "train.csv"), "--out", bundle);
        Assert.True(File.Exists(bundle), $"gangway train exited 0 but wrote no bundle at {bundle}.");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gangway.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Gangway.slnx.");
    }

    // "Gangway." also prefixes "Gangway.Cli.": the package's own name is followed by its version, which starts with a digit.
    private static string SinglePackage(string folder, string prefix)
    {
        var matches = Directory.GetFiles(folder, prefix + "*.nupkg")
            .Where(f => char.IsAsciiDigit(Path.GetFileName(f)[prefix.Length]))
            .ToList();
        Assert.True(matches.Count == 1,
            $"Expected one {prefix}<version>.nupkg in {folder}; found: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        return matches[0];
    }

    private static Task<string> RunDotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs a process to completion and returns its standard output; fails the test with all output otherwise.</summary>
    private static async Task<string> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for the test host; a child `dotnet pack` must find its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Describe(fileName, arguments)} did not finish within {timeout}.\n{Transcript(output, error)}");
        }

        Assert.True(process.ExitCode == 0,
            $"{Describe(fileName, arguments)} exited {process.ExitCode} after {stopwatch.Elapsed}.\n{Transcript(output, error)}");
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Describe(string fileName, string[] arguments) => $"'{fileName} {string.Join(' ', arguments)}'";

    private static string Transcript(StringBuilder output, StringBuilder error)
    {
        lock (output)
        {
            lock (error)
            {
                return $"--- stdout\n{output}\n--- stderr\n{error}";
            }
        }
    }
}
