using Gangway.Data;
using Gangway.Learners;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class BinaryClassifierEstimatorTests
{
    [Theory]
    [MemberData(nameof(Learners), MemberType = typeof(LearnerTestData))]
    public void Fit_SeparableData_PredictsNewRowsOnEitherSideCorrectly(string learner)
    {
        var model = Create(learner, SeparableOptions()).Fit(Separable());
        var fresh = new Table(
            new NumericColumn("x", [0.1, 0.9, 0.2, 0.8, 0.3, 0.7]),
            new NumericColumn("noise", [0.5, 0.5, 0.1, 0.9, 0.9, 0.1]));

        var output = model.Transform(fresh);

        Assert.Equal(["no", "yes", "no", "yes", "no", "yes"], output.GetText(PredictionColumns.Prediction).Values.ToArray().ToList());
        var probabilities = Probabilities(output);
        Assert.All(probabilities.Where((_, i) => i % 2 == 0), p => Assert.True(p < 0.3, $"negative row got {p}"));
        Assert.All(probabilities.Where((_, i) => i % 2 == 1), p => Assert.True(p > 0.7, $"positive row got {p}"));
    }

    [Theory]
    [MemberData(nameof(Learners), MemberType = typeof(LearnerTestData))]
    public void Fit_Titanic_RanksValidationPassengersWellAndKeepsProbabilitiesInRange(string learner)
    {
        var model = Create(learner, TitanicOptions()).Fit(Titanic());
        var validation = Titanic("validation.csv");

        var probabilities = Probabilities(model.Transform(validation));

        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
        var survived = validation.GetNumeric("Survived").Values.ToArray().Select(v => v == 1).ToArray();
        Assert.True(Auc(probabilities, survived) > 0.75, $"AUC {Auc(probabilities, survived)}");
    }

    [Theory]
    [MemberData(nameof(Learners), MemberType = typeof(LearnerTestData))]
    public void Fit_SameSeedTwice_GivesBitIdenticalProbabilities(string learner)
    {
        var data = Titanic();

        var first = Probabilities(Create(learner, TitanicOptions(seed: 7)).Fit(data).Transform(data));
        var second = Probabilities(Create(learner, TitanicOptions(seed: 7)).Fit(data).Transform(data));

        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), second.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Fit_NumericLabel_PredictionIsNumericWithTheLabelValues()
    {
        var data = Titanic();

        var model = new FastTreeBinaryEstimator(TitanicOptions()).Fit(data);
        var prediction = model.Transform(data).GetNumeric(PredictionColumns.Prediction);

        Assert.True(model.LabelIsNumeric);
        Assert.Equal(("1", "0"), (model.PositiveClass, model.NegativeClass));
        Assert.Equal([0.0, 1.0], prediction.Values.ToArray().Distinct().Order());
    }

    [Fact]
    public void Fit_TextLabel_PredictionIsText()
    {
        var model = new LbfgsLogisticRegressionEstimator(SeparableOptions()).Fit(Separable());

        var prediction = model.Transform(Separable()).GetText(PredictionColumns.Prediction);

        Assert.False(model.LabelIsNumeric);
        Assert.Equal("no", model.NegativeClass);
        Assert.Equal(["no", "yes"], prediction.Values.ToArray().Distinct().Order());
    }

    [Fact]
    public void Fit_DefaultFeatures_UsesNumericColumnsExceptLabelAndExcludedInTableOrder()
    {
        var model = new FastTreeBinaryEstimator(TitanicOptions()).Fit(Titanic());

        Assert.Equal(["Pclass", "Sex", "SibSp", "Parch", "Fare"], model.FeatureColumns);
    }

    [Fact]
    public void Fit_ExplicitFeatures_UsesThemInTheGivenOrder()
    {
        var options = TitanicOptions() with { FeatureColumns = ["Fare", "Sex"] };

        var model = new FastTreeBinaryEstimator(options).Fit(Titanic());

        Assert.Equal(["Fare", "Sex"], model.FeatureColumns);
    }

    [Fact]
    public void Fit_LabelWithThreeValues_ThrowsListingTheValues()
    {
        var data = Titanic();

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(new("Pclass", "1")).Fit(data));

        Assert.Equal("Label column 'Pclass' must have exactly two values for binary classification; found 3: 1, 2, 3.", error.Message);
    }

    [Fact]
    public void Fit_PositiveClassNotInLabel_ThrowsListingTheValues()
    {
        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(new("label", "maybe")).Fit(Separable()));

        Assert.Equal("Positive class 'maybe' is not a value of label column 'label'; values found: no, yes.", error.Message);
    }

    [Fact]
    public void Fit_MissingLabel_ThrowsNamingTheRow()
    {
        var data = Separable(10).With(new TextColumn("label", ["yes", "no", "yes", null, "no", "yes", "no", "yes", "no", "yes"]));

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(SeparableOptions()).Fit(data));

        Assert.Equal((3, "label"), (error.Row, error.Column));
        Assert.Contains("missing value in row 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_MissingFeatureValue_ThrowsAskingForImputation()
    {
        var age = new double[10];
        age[5] = double.NaN;
        var data = Separable(10).With(new NumericColumn("Age", age));

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(SeparableOptions()).Fit(data));

        Assert.Equal("Column 'Age' has a missing value in row 5; impute it before the learner.", error.Message);
        Assert.Equal((ErrorKind.InvalidInput, 5, "Age"), (error.Kind, error.Row, error.Column));
    }

    [Fact]
    public void Fit_InfiniteFeatureValue_ThrowsNamingTheRow()
    {
        var data = Separable(10).With(new NumericColumn("x", [1, 2, double.PositiveInfinity, 4, 5, 6, 7, 8, 9, 10]));

        var error = Assert.Throws<GangwayException>(() => new LightGbmBinaryEstimator(SeparableOptions()).Fit(data));

        Assert.Equal((2, "x"), (error.Row, error.Column));
    }

    [Fact]
    public void Fit_TextFeature_ThrowsSuggestingOneHotEncoding()
    {
        var data = Separable(4).With(new TextColumn("Sex", ["male", "female", "male", "female"]));
        var options = SeparableOptions() with { FeatureColumns = ["x", "Sex"] };

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(options).Fit(data));

        Assert.Contains("Column 'Sex' holds text", error.Message, StringComparison.Ordinal);
        Assert.Contains("one-hot encode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoNumericFeatures_ThrowsListingTheColumns()
    {
        var data = new Table(new TextColumn("label", ["yes", "no"]), new TextColumn("Sex", ["male", "female"]));

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(SeparableOptions()).Fit(data));

        Assert.Contains("no numeric feature columns", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns present: label, Sex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EmptyData_ThrowsSayingSo()
    {
        var data = Separable(0);

        var error = Assert.Throws<GangwayException>(() => new LightGbmBinaryEstimator(SeparableOptions()).Fit(data));

        Assert.Equal("Cannot fit learner 'light_gbm': the data has no rows.", error.Message);
    }

    [Fact]
    public void Fit_MissingFeatureColumn_ThrowsListingColumnsPresent()
    {
        var options = SeparableOptions() with { FeatureColumns = ["x", "Age"] };

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(options).Fit(Separable()));

        Assert.Equal("Could not find column 'Age'. Columns present: x, noise, label.", error.Message);
    }
}
