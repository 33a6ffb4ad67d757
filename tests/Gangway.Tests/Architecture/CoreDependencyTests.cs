using System.Reflection;
using Gangway.Pipelines;

namespace Gangway.Tests.Architecture;

public class CoreDependencyTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.AspNetCore",
        "Microsoft.Data.Sqlite",
        "Npgsql",
        "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting",
        "Autofac",
        "Spectre.Console",
        "System.CommandLine",
    ];

    [Fact]
    public void CoreAssembly_ReferencesNoHostDatabaseOrContainerAssembly()
    {
        var references = typeof(ITransformer).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        var offending = references.Where(r => ForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.Empty(offending);
        Assert.Contains(references, r => r.StartsWith("Microsoft.ML", StringComparison.Ordinal));
    }

    [Fact]
    public void CoreAssembly_EveryPublicTypeLivesInAGangwayNamespace()
    {
        var types = typeof(ITransformer).Assembly.GetExportedTypes();

        Assert.All(types, t => Assert.StartsWith("Gangway", t.Namespace, StringComparison.Ordinal));
    }
}
