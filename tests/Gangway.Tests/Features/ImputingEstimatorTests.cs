using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Tests.Features;

public sealed class ImputingEstimatorTests
{
    private const double NaN = double.NaN;

    [Theory]
    [InlineData(ImputationStrategy.Mean, 2.5)]
    [InlineData(ImputationStrategy.Median, 1.5)]
    [InlineData(ImputationStrategy.MostFrequent, 1)]
    public void Fit_NumericStrategies_LearnFromPresentValuesOnly(ImputationStrategy strategy, double expected)
    {
        var data = new Table(new NumericColumn("Age", [1, NaN, 1, 2, 6]));

        var fitted = new ImputingEstimator(["Age"], strategy).Fit(data);

        Assert.Equal(expected, fitted.NumericFillValues["Age"]);
    }

    [Fact]
    public void Fit_MostFrequentNumericTie_PicksSmallestValue()
    {
        var data = new Table(new NumericColumn("Pclass", [3, 3, 2, 2, 1]));

        var fitted = new ImputingEstimator(["Pclass"], ImputationStrategy.MostFrequent).Fit(data);

        Assert.Equal(2, fitted.NumericFillValues["Pclass"]);
    }

    [Fact]
    public void Fit_MostFrequentTextTie_PicksOrdinalSmallest()
    {
        var data = new Table(new TextColumn("Embarked", ["S", "C", null, "S", "C", "Q"]));

        var fitted = new ImputingEstimator(["Embarked"], ImputationStrategy.MostFrequent).Fit(data);

        Assert.Equal("C", fitted.TextFillValues["Embarked"]);
    }

    [Fact]
    public void Fit_ConstantForNumericColumn_ParsesInvariantNumber()
    {
        var data = new Table(new NumericColumn("Age", [NaN, 3]));

        var output = new ImputingEstimator(["Age"], ImputationStrategy.Constant, "-1.5").Fit(data).Transform(data);

        Assert.Equal(-1.5, output.GetNumeric("Age")[0]);
        Assert.Equal(3, output.GetNumeric("Age")[1]);
    }

    [Fact]
    public void Fit_ConstantThatIsNotANumberForNumericColumn_ThrowsInvalidConfiguration()
    {
        var data = new Table(new NumericColumn("Age", [NaN, 3]));

        var ex = Assert.Throws<GangwayException>(() => new ImputingEstimator(["Age"], ImputationStrategy.Constant, "unknown").Fit(data));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("'impute' fill value 'unknown' is not a number, but column 'Age' holds numbers.", ex.Message);
    }

    [Fact]
    public void Fit_MeanOnTextColumn_ThrowsNamingColumnAndUsableStrategies()
    {
        var data = new Table(new TextColumn("Embarked", ["S", null]));

        var ex = Assert.Throws<GangwayException>(() => new ImputingEstimator(["Embarked"], ImputationStrategy.Mean).Fit(data));

        Assert.Equal("Column 'Embarked' holds text, so 'impute' cannot use strategy mean; use most_frequent or constant.", ex.Message);
    }

    [Fact]
    public void Fit_AllMissingWithStatisticalStrategy_ThrowsClearError()
    {
        var data = new Table(new NumericColumn("Cabin", [NaN, NaN]));

        var ex = Assert.Throws<GangwayException>(() => new ImputingEstimator(["Cabin"], ImputationStrategy.Median).Fit(data));

        Assert.Equal(
            "Column 'Cabin' has no values to learn the median from: all 2 rows are missing. Use strategy constant or drop the column.",
            ex.Message);
    }

    [Fact]
    public void Fit_AllMissingWithConstant_FillsEveryRow()
    {
        var data = new Table(new TextColumn("Cabin", [null, null]));

        var output = new ImputingEstimator(["Cabin"], ImputationStrategy.Constant, "U").Fit(data).Transform(data);

        Assert.Equal(new string?[] { "U", "U" }, output.GetText("Cabin").Values.ToArray());
    }

    [Fact]
    public void Constructor_ConstantWithoutValue_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new ImputingEstimator(["Age"], ImputationStrategy.Constant));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }

    [Fact]
    public void Constructor_ValueWithStatisticalStrategy_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new ImputingEstimator(["Age"], ImputationStrategy.Mean, "0"));

        Assert.Contains("only with strategy constant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_PredictionDataWithOtherDistribution_UsesValuesLearnedAtFit()
    {
        // The notebook recomputed the median on the prediction file; the fitted step must not.
        var training = new Table(new NumericColumn("Age", [20, 30, 40, NaN]), new TextColumn("Embarked", ["S", "S", "C", null]));
        var prediction = new Table(new NumericColumn("Age", [NaN, 70, 80, 90]), new TextColumn("Embarked", [null, "Q", "Q", "Q"]));
        var fitted = new PipelineEstimator(
            new ImputingEstimator(["Age"], ImputationStrategy.Median),
            new ImputingEstimator(["Embarked"], ImputationStrategy.MostFrequent)).Fit(training);

        var output = fitted.Transform(prediction);

        Assert.Equal(30, output.GetNumeric("Age")[0]);
        Assert.Equal("S", output.GetText("Embarked")[0]);
    }

    [Fact]
    public void Transform_NoMissingValues_ReturnsDataUnchanged()
    {
        var data = FeatureEstimatorCases.Passengers;
        var fitted = new ImputingEstimator(["Pclass"], ImputationStrategy.Mean).Fit(data);

        var output = fitted.Transform(data);

        Assert.Same(data, output);
    }

    [Fact]
    public void Transform_SomeMissing_ReplacesOnlyImputedColumnsInPlace()
    {
        var data = FeatureEstimatorCases.Passengers;
        var fitted = new ImputingEstimator(["Pclass", "Age"], ImputationStrategy.Mean).Fit(data);

        var output = fitted.Transform(data);

        Assert.Equal(data.ColumnNames, output.ColumnNames);
        Assert.Same(data["Pclass"], output["Pclass"]);
        Assert.Same(data["Fare"], output["Fare"]);
        Assert.Equal(30.285714285714285, output.GetNumeric("Age")[5], 12);
    }

    [Fact]
    public void Load_SavedTransformer_KeepsFillValues()
    {
        var fitted = new ImputingEstimator(["Age", "Embarked"], ImputationStrategy.MostFrequent).Fit(FeatureEstimatorCases.Passengers);

        var loaded = (ImputingTransformer)SavedModel.FromEntries(SavedModel.From(fitted).ToEntries()).Load();

        Assert.Equal(fitted.NumericFillValues, loaded.NumericFillValues);
        Assert.Equal(fitted.TextFillValues, loaded.TextFillValues);
        Assert.Equal(ImputationStrategy.MostFrequent, loaded.Strategy);
    }
}
