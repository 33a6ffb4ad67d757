using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Gangway.Cli.Tests;

/// <summary>
/// What a new user does, in a clone at <c>.../src/gangway</c> (the common <c>~/src/&lt;repo&gt;</c> layout, which once
/// gave the benchmarks the shipped projects' XML-doc rules): build the solution, run exactly the README's install line,
/// then run the installed tool. Catches what in-process tests cannot: a build that depends on where the clone is, an
/// install line that fails on an untagged (pre-release) version, a missing file in the package, a dependency not shipped.
/// </summary>
[Trait("Category", "Pack")]
public sealed partial class PackAndInstallTests : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Directory.CreateTempSubdirectory("gangway-pack-").FullName;

    [Fact]
    public async Task CloneUnderSrc_BuildsAndTheReadmeInstallLineInstallsAWorkingTool()
    {
        var repository = FindRepositoryRoot();
        var clone = Path.Combine(_root, "src", "gangway");
        await CloneWithWorkingTreeAsync(repository, clone);

        await RunAsync("dotnet", clone, BuildTimeout, "build", "Gangway.slnx", "--configuration", "Release");

        var line = ReadmeInstallLine(repository);
        await RunAsync("/bin/sh", clone, BuildTimeout, "-c", line);

        var packages = Path.Combine(clone, "nupkg");
        var tool = SinglePackage(packages, "Gangway.Cli.");
        var version = Path.GetFileNameWithoutExtension(tool)["Gangway.Cli.".Length..];
        // The library ships as a package of its own, with the same version.
        await RunAsync("dotnet", clone, BuildTimeout, "pack", "src/Gangway", "--no-build", "--output", packages);
        Assert.Equal($"Gangway.{version}.nupkg", Path.GetFileName(SinglePackage(packages, "Gangway.")));

        var gangway = Path.Combine(_root, "home", ".dotnet", "tools", OperatingSystem.IsWindows() ? "gangway.exe" : "gangway");
        Assert.True(File.Exists(gangway), $"'{line}' exited 0 but installed no {gangway}.");
        var printed = await RunAsync(gangway, _root, RunTimeout, "--version");
        Assert.Equal(version, printed.Trim());

        var examples = Path.Combine(repository, "examples", "titanic");
        var bundle = Path.Combine(_root, "m.gwb");
        await RunAsync(gangway, _root, RunTimeout, "train", "--spec", Path.Combine(examples, "baseline.yaml"),
            "--data", Path.Combine(examples, "data", "train.csv"), "--out", bundle, "--no-track");
        Assert.True(File.Exists(bundle), $"gangway train exited 0 but wrote no bundle at {bundle}.");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The README's one-line install command, exactly as written there (the backquoted span with <c>dotnet tool install</c>).</summary>
    private static string ReadmeInstallLine(string repository)
    {
        var readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        var lines = InlineCode().Matches(readme).Select(m => m.Groups[1].Value).Where(c => c.Contains("dotnet tool install", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"Expected one `... dotnet tool install ...` line in README.md; found {lines.Count}: {string.Join(" | ", lines)}");
        return lines[0];
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex InlineCode();

    // The committed history (MinVer reads the version from it) plus the working tree's changes, so a developer tests
    // what they see; on CI's clean clone the two are the same.
    private async Task CloneWithWorkingTreeAsync(string repository, string clone)
    {
        await RunAsync("git", repository, RunTimeout, "clone", "--quiet", repository, clone);
        var changed = await RunAsync("git", repository, RunTimeout, "ls-files", "-z", "--modified", "--others", "--exclude-standard");
        foreach (var file in changed.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(repository, file);
            var target = Path.Combine(clone, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
            else
            {
                File.Delete(target);
            }
        }
    }

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

    /// <summary>Runs a process to completion and returns its standard output; fails the test with all output otherwise.</summary>
    private async Task<string> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
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

        Isolate(start.Environment);
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

    // The environment of a user's shell, with three differences: `dotnet tool install -g` installs under the test's
    // folder (not the real ~/.dotnet/tools), packages still come from the machine's NuGet cache, and no build server
    // outlives the test.
    private void Isolate(IDictionary<string, string?> environment)
    {
        // `dotnet test` sets MSBuild variables for the test host; a child `dotnet build` must find its own SDK.
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        environment["DOTNET_CLI_HOME"] = Path.Combine(_root, "home");
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
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
