using Gangway.Stores;

namespace Gangway.Tests.Stores;

public sealed class EvaluationTests
{
    private static readonly NewEvaluation Valid = new(
        new string('a', 32), "titanic", 3, "validation.csv", new string('b', 64), new Dictionary<string, double> { ["roc_auc"] = 0.91 });

    [Fact]
    public void Validate_ModelAndVersion_Passes() => Valid.Validate();

    [Fact]
    public void Validate_ModelWithoutVersion_IsInvalidInputAskingForBoth()
    {
        var ex = Assert.Throws<GangwayException>(() => (Valid with { Version = null }).Validate());

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("names model 'titanic' but no version; give both or neither", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankDataName_IsInvalidInput()
    {
        var ex = Assert.Throws<GangwayException>(() => (Valid with { DataName = " " }).Validate());

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
    }

    [Fact]
    public void Validate_InfiniteMetric_IsInvalidInputNamingIt()
    {
        var ex = Assert.Throws<GangwayException>(() => (Valid with { Metrics = new Dictionary<string, double> { ["log_loss"] = double.PositiveInfinity } }).Validate());

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("'log_loss'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionReference_OnlyWithModelAndVersion()
    {
        var record = new EvaluationRecord("id", "run", "titanic", 3, "v.csv", "sha", new Dictionary<string, double>(), DateTimeOffset.UnixEpoch, "alice");

        Assert.Equal("titanic:3", record.VersionReference);
        Assert.Null((record with { Model = null, Version = null }).VersionReference);
    }
}
