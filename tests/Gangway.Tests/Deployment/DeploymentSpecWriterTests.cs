using Gangway.Deployment;
using Gangway.OnlineEvaluation;
using Gangway.Stores;

namespace Gangway.Tests.Deployment;

public class DeploymentSpecWriterTests
{
    private static DeploymentSpec Example => DeploymentSpecReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", "deployment.yaml"));

    [Fact]
    public void ToYaml_TitanicExample_ReadsBackEqual()
    {
        var yaml = DeploymentSpecWriter.ToYaml(Example);

        Assert.Equal(Example, DeploymentSpecReader.Parse(yaml));
    }

    [Fact]
    public void ToJson_TitanicExample_ReadsBackEqual()
    {
        var json = DeploymentSpecWriter.ToJson(Example);

        Assert.StartsWith("{\"model\":\"titanic\",\"variants\":[{\"name\":\"champion\"", json, StringComparison.Ordinal);
        Assert.Equal(Example, DeploymentSpecReader.Parse(json));
    }

    [Fact]
    public void ToYaml_EveryOptionalPartAndOddValues_ReadsBackEqual()
    {
        var spec = new DeploymentSpec
        {
            Model = "m.1",
            Variants = [new("a", new ModelReference("m.1", null, 3), 0.125), new("b-2", new ModelReference("other", "x_y", null), 0), new("c", new ModelReference("m.1", "c", null), 1e-7)],
            Shadows = [new("s", new ModelReference("m.1", null, 9))],
            Sticky = new StickyKey(StickySource.Field, "id: \"quoted\" #x"),
            Champion = "c",
            PromoteWhen = new DeploymentRule { Metric = "brier", Margin = 0.3, Threshold = 0.2, Confidence = 0.9, MinimumLabelled = 7, Decide = DecisionMode.Auto },
            RollbackWhen = new DeploymentRule { Metric = "reward", Threshold = -1.5 },
            Refresh = TimeSpan.FromMilliseconds(1500),
        };

        Assert.Equal(spec, DeploymentSpecReader.Parse(DeploymentSpecWriter.ToYaml(spec)));
        Assert.Equal(spec, DeploymentSpecReader.Parse(DeploymentSpecWriter.ToJson(spec)));
    }

    [Fact]
    public void Equals_DifferentWeight_IsNotEqual()
    {
        var changed = Example with { Variants = [Example.Variants[0], Example.Variants[1] with { Weight = 30 }] };

        Assert.NotEqual(Example, changed);
        Assert.Equal(Example, Example with { Variants = [.. Example.Variants] });
    }
}
