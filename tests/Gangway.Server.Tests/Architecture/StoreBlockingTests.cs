using System.Text.RegularExpressions;

namespace Gangway.Server.Tests.Architecture;

/// <summary>
/// The service never blocks a request thread on the store: no source that reaches the store (the server's store users,
/// the core's store, registry, promotion and tracking code, the stores themselves) waits on a task synchronously.
/// </summary>
public sealed partial class StoreBlockingTests
{
    private static readonly string[] StoreWords = ["IStore", "IRunStore", "IModelRegistry", "ModelStores", "RegistryBundles", "Promoter"];

    [Fact]
    public void StoreCode_WaitsOnNoTaskSynchronously()
    {
        var root = RepositoryRoot();
        var files = new[] { "src/Gangway.Server", "src/Gangway/Stores", "src/Gangway/Registry", "src/Gangway/Promotion", "src/Gangway/Tracking", "src/Gangway.Hosting", "src/Gangway.Store.Sqlite", "src/Gangway.Store.PostgreSql" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var storeFiles = files.Where(file => file.Contains("Store", StringComparison.Ordinal) || StoreWords.Any(File.ReadAllText(file).Contains)).ToList();

        var blocking = storeFiles
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(hit => Blocking().IsMatch(hit.line))
            .Select(hit => $"{Path.GetRelativePath(root, hit.file)}:{hit.index + 1}: {hit.line.Trim()}")
            .ToList();

        Assert.True(storeFiles.Count > 10, $"Only {storeFiles.Count} store files found under {root}.");
        Assert.Empty(blocking);
    }

    [Fact]
    public void Pattern_MatchesEveryFormOfWaiting()
    {
        Assert.Matches(Blocking(), "var x = store.Registry.FindModelAsync(name, token).Result;");
        Assert.Matches(Blocking(), "task.Wait();");
        Assert.Matches(Blocking(), "store.OpenAsync(uri, token).GetAwaiter().GetResult();");
        Assert.DoesNotMatch(Blocking(), "var result = await store.Registry.FindModelAsync(name, token);");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gangway.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Gangway.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\.Result\b|\.Wait\(|GetAwaiter\(\)\.GetResult\(\)")]
    private static partial Regex Blocking();
}
