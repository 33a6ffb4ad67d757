using Gangway.Data;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tests.Training;

public class SpecEstimatorBuilderTests
{
    private const string SpecText = """
        name: demo
        target:
          column: Survived
          positive: "1"
        ids:
          PassengerId: numeric
        inputs:
          Pclass: numeric
          Sex: text
        features:
          - step: one_hot
            columns: [Sex]
        learner:
          type: logistic_regression
        """;

    [Fact]
    public void Build_Spec_HasItsFeatureStepsThenTheLearner()
    {
        var estimator = Assert.IsType<PipelineEstimator>(SpecEstimatorBuilder.Build(ModelSpecReader.Parse(SpecText), seed: 1));

        Assert.Equal(2, estimator.Steps.Count);
        Assert.IsType<OneHotEncodingEstimator>(estimator.Steps[0]);
    }

    [Fact]
    public void Build_FittedPipeline_IgnoresTheIdColumn()
    {
        var data = ModelTrainerTests.SmallTraining().Select(["PassengerId", "Pclass", "Sex", "Survived"]);
        var shuffledIds = data.With(new NumericColumn("PassengerId", [80, 70, 60, 50, 40, 30, 20, 10]));
        var spec = ModelSpecReader.Parse(SpecText);

        var probabilities = SpecEstimatorBuilder.Build(spec, seed: 1).Fit(data).Transform(data).GetNumeric(PredictionColumns.Probability);
        var withOtherIds = SpecEstimatorBuilder.Build(spec, seed: 1).Fit(shuffledIds).Transform(data).GetNumeric(PredictionColumns.Probability);

        Assert.Equal(probabilities.Values.ToArray(), withOtherIds.Values.ToArray());
    }

    [Theory]
    [InlineData("    columns: [Sex]", "    columns: [Sex]\n    colour: red", "Spec 'features[0], line 11': ", "'colour'")]
    [InlineData("  - step: one_hot", "  - step: one_hat", "Spec 'features[0], line 11': ", "Unknown feature step 'one_hat'")]
    [InlineData("  type: logistic_regression", "  type: logistic_regression\n  trees: 3", "Spec 'learner, line 14': ", "'trees'")]
    [InlineData("  type: logistic_regression", "  type: neural_net", "Spec 'learner, line 14': ", "'neural_net'")]
    public void Build_BadStepOrLearner_ErrorIsLocatedInTheSpec(string line, string replacement, string prefix, string detail)
    {
        var spec = ModelSpecReader.Parse(SpecText.Replace(line, replacement, StringComparison.Ordinal));

        var ex = Assert.Throws<GangwayException>(() => SpecEstimatorBuilder.Build(spec, seed: 1));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith(prefix, ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
        Assert.IsType<GangwayException>(ex.InnerException);
    }

    [Fact]
    public void Build_StepWithoutLocation_KeepsTheCatalogMessage()
    {
        var spec = ModelSpecReader.Parse(SpecText) with { Features = [new StepSpec("one_hat", new Dictionary<string, object?>())] };

        var ex = Assert.Throws<GangwayException>(() => SpecEstimatorBuilder.Build(spec, seed: 1));

        Assert.StartsWith("Unknown feature step 'one_hat'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CustomCatalog_ResolvesItsSteps()
    {
        var catalog = GangwayCatalog.CreateBuilder().AddFeatureStep("keep_sex", args => new SelectColumnsEstimator(["PassengerId", "Pclass", "Sex", "Survived"])).Build();
        var spec = ModelSpecReader.Parse(SpecText.Replace("one_hot", "keep_sex", StringComparison.Ordinal).Replace("    columns: [Sex]\n", "", StringComparison.Ordinal));

        var estimator = Assert.IsType<PipelineEstimator>(SpecEstimatorBuilder.Build(spec, seed: 1, catalog));

        Assert.IsType<SelectColumnsEstimator>(estimator.Steps[0]);
        Assert.Throws<GangwayException>(() => SpecEstimatorBuilder.Build(spec, seed: 1));
    }
}
