namespace Gangway.Cli.Tests;

/// <summary>Runs the gangway command tree in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>A temporary directory with one example's data and specs copied in (Titanic by default); deleted afterwards.</summary>
public sealed class ExampleWorkspace : IDisposable
{
    public ExampleWorkspace(string example = "titanic")
    {
        Root = Directory.CreateTempSubdirectory("gangway-cli-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", example);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string this[string name] => Path.Combine(Root, name);

    /// <summary>A SQLite store of the workspace's own: <c>--store</c> takes it.</summary>
    public string Store => "sqlite:" + Path.Combine(Root, "store", "gangway.db");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
