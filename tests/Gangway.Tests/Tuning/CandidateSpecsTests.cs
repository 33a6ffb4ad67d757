using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class CandidateSpecsTests
{
    private static readonly ModelSpec Titanic = ModelSpecReader.ReadFile(TitanicFiles.TitanicSpec);

    private static TuningCandidate Candidate(params (string Path, object? Value)[] values) =>
        new(3, [.. values.Select(v => new CandidateParameter(v.Path, v.Value))]);

    [Fact]
    public void Apply_LearnerArgumentsAndSeed_ChangesOnlyThoseInANewSpec()
    {
        var spec = CandidateSpecs.Apply(Titanic, Candidate(("learner.trees", "20"), ("learner.learning_rate", "0.2"), ("seed", "7")));

        Assert.Equal("20", spec.Learner.Arguments["trees"]);
        Assert.Equal("0.2", spec.Learner.Arguments["learning_rate"]);
        Assert.Equal("4", spec.Learner.Arguments["leaves"]);
        Assert.Equal("fast_tree", spec.Learner.Name);
        Assert.Equal(7, spec.Seed);
        Assert.Equal("50", Titanic.Learner.Arguments["trees"]);
        Assert.Equal(42, Titanic.Seed);
    }

    [Fact]
    public void Apply_FeatureStepByNameAndByPosition_SetsThatStepsArgument()
    {
        var spec = CandidateSpecs.Apply(Titanic, Candidate(("features.family_size.to", "Family"), ("features[2].strategy", "mean")));

        Assert.Equal("Family", spec.Features[1].Arguments["to"]);
        Assert.Equal("mean", spec.Features[2].Arguments["strategy"]);
        Assert.Equal("most_frequent", spec.Features[3].Arguments["strategy"]);
        Assert.Equal("median", Titanic.Features[2].Arguments["strategy"]);
    }

    [Fact]
    public void Apply_ArgumentTheSpecLeavesToItsDefault_IsSet()
    {
        var spec = CandidateSpecs.Apply(Titanic, Candidate(("learner.feature_fraction", "0.5")));

        Assert.Equal("0.5", spec.Learner.Arguments["feature_fraction"]);
    }

    [Fact]
    public void Apply_BadValue_GivesTheSpecErrorForTheCandidate()
    {
        var ex = Assert.Throws<GangwayException>(() => CandidateSpecs.Apply(Titanic, Candidate(("learner.trees", "many"))));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith("Candidate 3 (learner.trees=many): Spec 'learner, line ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("'fast_tree' argument 'trees' must be a whole number; got 'many'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ArgumentTheLearnerDoesNotTake_ListsTheArgumentsItTakes()
    {
        var ex = Assert.Throws<GangwayException>(() => CandidateSpecs.Apply(Titanic, Candidate(("learner.number_of_trees", "50"))));

        Assert.Contains("'fast_tree' does not take argument 'number_of_trees'. Arguments it takes: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("trees", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SeedThatIsNotANumber_NamesTheValue()
    {
        var ex = Assert.Throws<GangwayException>(() => CandidateSpecs.Apply(Titanic, Candidate(("seed", "abc"))));

        Assert.Equal("Candidate 3: 'seed' must be a whole number; got 'abc'.", ex.Message);
    }

    [Fact]
    public void Check_UnknownStep_NamesThePathAndTheStepsPresent()
    {
        var grid = new TuningGrid { Metric = "f1", Parameters = [new("features.scale.with_mean", ["true"])] };

        var ex = Assert.Throws<GangwayException>(() => CandidateSpecs.Check(Titanic, grid));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal(
            "Grid parameter 'features.scale.with_mean' names feature step 'scale', which the spec does not have. Steps present in spec 'titanic': "
            + "features[0] title, features[1] family_size, features[2] impute, features[3] impute, features[4] one_hot, features[5] one_hot, features[6] drop, learner fast_tree.",
            ex.Message);
    }

    [Theory]
    [InlineData("features.impute.strategy", "is ambiguous: the spec has 2 'impute' steps; name one by position, e.g. 'features[2].strategy'")]
    [InlineData("features[9].strategy", "names feature step 9, but the spec has 7")]
    [InlineData("learner", "is not a spec parameter; use 'seed', 'learner.<argument>', 'features.<step>.<argument>' or 'features[<index>].<argument>'")]
    [InlineData("target.column", "is not a spec parameter")]
    public void Check_PathThatNamesNoParameter_SaysWhy(string path, string problem)
    {
        var grid = new TuningGrid { Metric = "f1", Parameters = [new(path, ["x"])] };

        var ex = Assert.Throws<GangwayException>(() => CandidateSpecs.Check(Titanic, grid));

        Assert.StartsWith($"Grid parameter '{path}' {problem}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Steps present in spec 'titanic': features[0] title", ex.Message, StringComparison.Ordinal);
    }
}
