using Gangway.Deployment;
using Gangway.OnlineEvaluation;
using Gangway.Stores;

namespace Gangway.Tests.Deployment;

public class DeploymentSpecReaderTests
{
    private const string Minimal = """
        model: titanic
        variants:
          - { name: champion, model: titanic@champion, weight: 90 }
          - { name: challenger, model: "titanic:7", weight: 10 }

        """;

    [Fact]
    public void ReadFile_TitanicExample_ReadsEveryPart()
    {
        var spec = DeploymentSpecReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", "deployment.yaml"));

        Assert.Equal("titanic", spec.Model);
        Assert.Equal(
            [new DeploymentVariant("champion", new ModelReference("titanic", "champion", null), 80), new DeploymentVariant("challenger", new ModelReference("titanic", "challenger", null), 20)],
            spec.Variants);
        Assert.Equal([new ShadowVariant("candidate", new ModelReference("titanic", "candidate", null))], spec.Shadows);
        Assert.Equal(new StickyKey(StickySource.Field, "PassengerId"), spec.Sticky);
        Assert.Equal("champion", spec.Champion);
        Assert.Equal(new DeploymentRule { Metric = "log_loss", Margin = 0.01, Confidence = 0.95, MinimumLabelled = 100, Decide = DecisionMode.Report }, spec.PromoteWhen);
        Assert.Equal(("log_loss", 0.02, true), (spec.RollbackWhen!.Metric, spec.RollbackWhen.Margin, spec.RollbackWhen.LowerIsBetter));
        Assert.Equal(TimeSpan.FromSeconds(5), spec.Refresh);
    }

    [Fact]
    public void Parse_OnlyModelAndVariants_TakesTheDefaults()
    {
        var spec = DeploymentSpecReader.Parse(Minimal);

        Assert.Empty(spec.Shadows);
        Assert.Null(spec.Sticky);
        Assert.Equal("champion", spec.Champion);
        Assert.Null(spec.PromoteWhen);
        Assert.Null(spec.RollbackWhen);
        Assert.Equal(DeploymentSpec.DefaultRefresh, spec.Refresh);
        Assert.Equal(new ModelReference("titanic", null, 7), spec.Variants[1].Model);
    }

    [Fact]
    public void Parse_RuleWithOnlyAMetric_TakesTheRuleDefaults()
    {
        var rule = DeploymentSpecReader.Parse(Minimal + "promote_when: { metric: reward }\n").PromoteWhen!;

        Assert.Equal(("reward", 0.0, (double?)null, 0.95, 100, DecisionMode.Report), (rule.Metric, rule.Margin, rule.Threshold, rule.Confidence, rule.MinimumLabelled, rule.Decide));
    }

    [Theory]
    [InlineData("sticky: { header: X-Customer-Id }", StickySource.Header, "X-Customer-Id")]
    [InlineData("sticky: { field: customer id }", StickySource.Field, "customer id")]
    public void Parse_Sticky_ReadsHeaderOrField(string line, StickySource source, string name)
    {
        Assert.Equal(new StickyKey(source, name), DeploymentSpecReader.Parse(Minimal + line + "\n").Sticky);
    }

    [Theory]
    [InlineData("refresh: 500ms", 500)]
    [InlineData("refresh: 2m", 120_000)]
    [InlineData("refresh: 1.5s", 1_500)]
    public void Parse_Refresh_ReadsDurations(string line, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DeploymentSpecReader.Parse(Minimal + line + "\n").Refresh);
    }

    [Theory]
    [InlineData("sticky: { fields: Id }", "d.yaml, 'sticky.fields' (line 5): is not a known key; known keys here: header, field; did you mean 'field'?")]
    [InlineData("shadows: []", "d.yaml, 'shadows' (line 5): is not a known key; known keys here: model, variants, shadow, sticky, champion, promote_when, rollback_when, refresh; did you mean 'shadow'?")]
    [InlineData("colour: blue", "d.yaml, 'colour' (line 5): is not a known key; known keys here: model, variants, shadow, sticky, champion, promote_when, rollback_when, refresh.")]
    [InlineData("champion: chief", "d.yaml, 'champion' (line 5): must name one of the variants (champion, challenger); got 'chief'.")]
    [InlineData("shadow: [{ name: Champion, model: titanic@x }]", "d.yaml, 'shadow' (line 5): names 'Champion' twice; variant and shadow names must be unique (ignoring case).")]
    [InlineData("shadow: [{ name: c1, model: titanic }]", "d.yaml, 'shadow[0].model' (line 5): must be a registry reference, 'name@alias' (e.g. churn@champion) or 'name:version' (e.g. churn:7); got 'titanic'.")]
    [InlineData("shadow: [{ name: 'x y', model: titanic@x }]", "d.yaml, 'shadow[0].name' (line 5): must start with a letter and hold only letters, digits, '_' and '-' (at most 63), so it can be a metric label and a header value; got 'x y'.")]
    [InlineData("sticky: { header: X, field: Y }", "d.yaml, 'sticky' (line 5): needs exactly one of 'header' (e.g. X-Customer-Id) or 'field' (e.g. CustomerId).")]
    [InlineData("sticky: { header: 'X Id' }", "d.yaml, 'sticky.header' (line 5): must be an HTTP header name (letters, digits and '-'); got 'X Id'.")]
    [InlineData("promote_when: { metric: f1 }", "d.yaml, 'promote_when.metric' (line 5): must be one of accuracy, log_loss, brier, reward; got 'f1'.")]
    [InlineData("promote_when: { metric: brier, margin: -0.1 }", "d.yaml, 'promote_when.margin' (line 5): must be zero or more; got -0.1.")]
    [InlineData("rollback_when: { metric: brier, confidence: 1 }", "d.yaml, 'rollback_when.confidence' (line 5): must be between 0 and 1 (exclusive), e.g. 0.95; got 1.")]
    [InlineData("rollback_when: { metric: brier, min_labelled: 0 }", "d.yaml, 'rollback_when.min_labelled' (line 5): must be at least 1; got 0.")]
    [InlineData("rollback_when: { metric: brier, decide: always }", "d.yaml, 'rollback_when.decide' (line 5): must be auto or report; got 'always'.")]
    [InlineData("rollback_when: { metric: brier, decid: auto }", "d.yaml, 'rollback_when.decid' (line 5): is not a known key; known keys here: metric, margin, threshold, confidence, min_labelled, decide; did you mean 'decide'?")]
    [InlineData("refresh: soon", "d.yaml, 'refresh' (line 5): must be a duration between 100ms and 1h such as 5s, 500ms or 1m; got 'soon'.")]
    [InlineData("refresh: 10ms", "d.yaml, 'refresh' (line 5): must be a duration between 100ms and 1h such as 5s, 500ms or 1m; got '10ms'.")]
    public void Parse_InvalidPart_NamesFileKeyLineRuleAndValue(string line, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => DeploymentSpecReader.Parse(Minimal + line + "\n", "d.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal(expected, ex.Message);
    }

    [Theory]
    [InlineData("model: titanic\nvariants: []\n", "d.yaml, 'variants' (line 2): needs at least one variant.")]
    [InlineData("model: titanic\nvariants: [{ name: a, model: t@a, weight: 0 }, { name: b, model: t@b, weight: 0 }]\n", "d.yaml, 'variants' (line 2): needs at least one variant with a weight above zero; all of a, b have 0.")]
    [InlineData("model: titanic\nvariants: [{ name: a, model: t@a, weight: -1 }]\n", "d.yaml, 'variants[0].weight' (line 2): must be zero or more; got -1.")]
    [InlineData("model: titanic\nvariants: [{ name: a, model: t@a, weight: 1 }, { name: A, model: t@b, weight: 1 }]\n", "d.yaml, 'variants' (line 2): names 'A' twice; variant and shadow names must be unique (ignoring case).")]
    [InlineData("model: titanic\nvariants: [{ name: a, model: t@a }]\n", "d.yaml, 'variants[0]' (line 2): needs 'weight'.")]
    [InlineData("model: 'a b'\nvariants: [{ name: a, model: t@a, weight: 1 }]\n", "d.yaml, 'model' (line 1): must be a registered model's name (letters, digits, '_', '.', '-'); got 'a b'.")]
    [InlineData("variants: [{ name: a, model: t@a, weight: 1 }]\n", "d.yaml: needs 'model'.")]
    public void Parse_InvalidVariants_NamesTheRuleAndValue(string yaml, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => DeploymentSpecReader.Parse(yaml, "d.yaml"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void ReadFile_Missing_IsNotFound()
    {
        var ex = Assert.Throws<GangwayException>(() => DeploymentSpecReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-deployment.yaml")));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
    }
}
