using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Tests.Features;

public sealed class ColumnTransformerEstimatorTests
{
    private static readonly Table Data = FeatureEstimatorCases.Passengers;

    [Fact]
    public void Transform_Passthrough_OutputsPartsThenUnusedColumns()
    {
        var output = FeatureEstimatorCases.TitanicColumns(RemainderPolicy.Passthrough).Fit(Data).Transform(Data);

        Assert.Equal(
            ["Age", "Fare", "Sex_female", "Sex_male", "Embarked_C", "Embarked_Q", "Embarked_S", "PassengerId", "Pclass", "Name", "SibSp", "Parch", "Ticket"],
            output.ColumnNames);
        Assert.False(output["Age"].IsMissing(5));
        Assert.Equal(1, output.GetNumeric("Embarked_S")[6]);
    }

    [Fact]
    public void Transform_Drop_OutputsOnlyParts()
    {
        var output = FeatureEstimatorCases.TitanicColumns(RemainderPolicy.Drop).Fit(Data).Transform(Data);

        Assert.Equal(["Age", "Fare", "Sex_female", "Sex_male", "Embarked_C", "Embarked_Q", "Embarked_S"], output.ColumnNames);
    }

    [Fact]
    public void Fit_PartEstimator_SeesOnlyThePartsColumns()
    {
        var estimator = new ColumnTransformerEstimator([new ColumnTransformerPart("p", new SelectColumnsEstimator(["Fare"]), ["Age"])]);

        var ex = Assert.Throws<GangwayException>(() => estimator.Fit(Data));

        Assert.Equal("Could not find column 'Fare'. Columns present: Age.", ex.Message);
    }

    [Fact]
    public void Fit_TwoPartsOutputSameColumn_ThrowsNamingBothParts()
    {
        var estimator = new ColumnTransformerEstimator(
        [
            new ColumnTransformerPart("scaled", new StandardScalingEstimator(["Age"]), ["Age"]),
            new ColumnTransformerPart("imputed", new ImputingEstimator(["Age"], ImputationStrategy.Median), ["Age"]),
        ]);

        var ex = Assert.Throws<GangwayException>(() => estimator.Fit(Data));

        Assert.Equal(
            "'column_transformer' parts 'scaled' and 'imputed' both output column 'Age'; give the outputs distinct names.",
            ex.Message);
    }

    [Fact]
    public void Fit_PartOutputCollidesWithRemainder_Throws()
    {
        var estimator = new ColumnTransformerEstimator([new ColumnTransformerPart("family", new SumColumnsEstimator(["SibSp"], "Parch"), ["SibSp"])]);

        var ex = Assert.Throws<GangwayException>(() => estimator.Fit(Data));

        Assert.Contains("'Parch', which is also passed through", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedPartName_ThrowsInvalidConfiguration()
    {
        var part = new ColumnTransformerPart("p", new StandardScalingEstimator(["Age"]), ["Age"]);

        var ex = Assert.Throws<GangwayException>(() => new ColumnTransformerEstimator([part, part]));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("two parts named 'p'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoParts_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new ColumnTransformerEstimator([]));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }

    [Fact]
    public void Load_SavedTransformer_RestoresPartsAsNestedTransformers()
    {
        var fitted = FeatureEstimatorCases.TitanicColumns(RemainderPolicy.Drop).Fit(Data);

        var loaded = (ColumnTransformerTransformer)SavedModel.FromEntries(SavedModel.From(fitted).ToEntries()).Load();

        Assert.Equal(["numeric", "categorical"], loaded.Parts.Select(p => p.Name));
        Assert.Equal(["Sex", "Embarked"], loaded.Parts[1].Columns);
        Assert.IsType<PipelineTransformer>(loaded.Parts[0].Transformer);
        Assert.Equal(RemainderPolicy.Drop, loaded.Remainder);
    }
}
