using System.Text.RegularExpressions;

namespace Gangway.Tests.Architecture;

/// <summary>
/// Estimators take typed options; reading them from YAML is the job of the binders in Specs. So no source file under
/// src/Gangway/Features or src/Gangway/Learners may name the Specs namespace or its argument types, in code or in docs.
/// </summary>
public partial class EstimatorsKnowNoSpecsTests
{
    private static readonly string[] EstimatorFolders = ["Features", "Learners"];

    [Fact]
    public void FeatureAndLearnerSources_NeverReferenceSpecs()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "Gangway");
        var sources = EstimatorFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(core, folder), "*.cs", SearchOption.AllDirectories))
            .ToList();

        var references = sources
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(entry => SpecsReference().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(core, entry.path)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.True(sources.Count > 30, $"Expected the estimators' source files under {core}; found {sources.Count}.");
        Assert.True(references.Count == 0, "Estimators reference the spec layer:\n" + string.Join('\n', references));
    }

    [Fact]
    public void SpecsReference_MatchesTheWaysCodeNamesTheSpecLayer()
    {
        Assert.Matches(SpecsReference(), "using Gangway.Specs;");
        Assert.Matches(SpecsReference(), "internal static Options From(StepArguments args)");
        Assert.Matches(SpecsReference(), "/// <see cref=\"Specs.LearnerCatalog\"/>");
        Assert.Matches(SpecsReference(), "var node = default(SpecNode);");
        Assert.DoesNotMatch(SpecsReference(), "public sealed record FastTreeHyperparameters");
    }

    [GeneratedRegex(@"\bGangway\.Specs\b|\bSpecs\.\w|\bStepArguments\b|\bSpecNode\b|\bModelSpec\b|\bStepSpec\b")]
    private static partial Regex SpecsReference();

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
