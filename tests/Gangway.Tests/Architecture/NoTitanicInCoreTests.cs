namespace Gangway.Tests.Architecture;

/// <summary>
/// The core is generic: no code, string or ordinary comment under src/Gangway may know about the Titanic example.
/// XML doc comments (<c>///</c>) may cite it as an illustration, so they are not scanned.
/// </summary>
public class NoTitanicInCoreTests
{
    private static readonly string[] TitanicWords = ["Titanic", "Survived", "Pclass", "Passenger"];

    [Fact]
    public void CoreSources_OutsideXmlDocComments_NeverMentionTheTitanic()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "Gangway");
        var sources = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(core, path)))
            .ToList();

        var mentions = sources
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(entry => !entry.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(entry => TitanicWords.Any(word => entry.line.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(entry => $"{Path.GetRelativePath(core, entry.path)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.True(sources.Count > 50, $"Expected the core's source files under {core}; found {sources.Count}.");
        Assert.True(mentions.Count == 0, "The core mentions the Titanic example:\n" + string.Join('\n', mentions));
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gangway.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Gangway.slnx above {AppContext.BaseDirectory}.");
    }
}
