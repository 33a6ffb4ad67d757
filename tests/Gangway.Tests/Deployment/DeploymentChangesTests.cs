using Gangway.Deployment;

namespace Gangway.Tests.Deployment;

public class DeploymentChangesTests
{
    private const string Before = """
        model: m
        variants: [{ name: a, model: m@a, weight: 1 }, { name: b, model: "m:2", weight: 1 }]
        shadow: [{ name: s, model: "m:3" }]
        sticky: { header: X-Id }
        promote_when: { metric: brier }
        """;

    [Fact]
    public void Between_SameDeployment_IsEmpty()
    {
        Assert.Empty(DeploymentChanges.Between(DeploymentSpecReader.Parse(Before), DeploymentSpecReader.Parse(Before)));
    }

    [Fact]
    public void Between_ModelsStickyRulesChampionAndRefreshChanged_NamesEachPart()
    {
        var after = DeploymentSpecReader.Parse("""
            model: m
            variants: [{ name: a, model: m@a, weight: 1 }, { name: b, model: "m:4", weight: 1 }]
            shadow: [{ name: s, model: "m:5" }]
            sticky: { field: Id }
            champion: b
            rollback_when: { metric: brier, decide: auto }
            refresh: 1m
            """);

        var changes = DeploymentChanges.Between(DeploymentSpecReader.Parse(Before), after).Select(c => c.ToString());

        Assert.Equal(
            [
                "~ variants.b.model: m:2 -> m:4",
                "~ shadow.s.model: m:3 -> m:5",
                "~ sticky: header X-Id -> field Id",
                "~ champion: a -> b",
                "- promote_when: brier margin 0 confidence 0.95 min_labelled 100 decide report",
                "+ rollback_when: brier margin 0 confidence 0.95 min_labelled 100 decide auto",
                "~ refresh: 5s -> 1m",
            ],
            changes);
    }
}
