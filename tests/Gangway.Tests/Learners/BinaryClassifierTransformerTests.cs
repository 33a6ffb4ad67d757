using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class BinaryClassifierTransformerTests
{
    [Theory]
    [MemberData(nameof(Learners), MemberType = typeof(LearnerTestData))]
    public void SaveThenLoad_AnyLearner_GivesBitIdenticalProbabilitiesAndMetadata(string learner)
    {
        var train = Titanic();
        var validation = Titanic("validation.csv");
        var model = Create(learner, TitanicOptions(seed: 3)).Fit(train);

        var loaded = Assert.IsType<BinaryClassifierTransformer>(RoundTrip(model));

        Assert.Equal(
            Probabilities(model.Transform(validation)).Select(BitConverter.DoubleToInt64Bits),
            Probabilities(loaded.Transform(validation)).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(
            (model.Learner, model.LabelColumn, model.PositiveClass, model.NegativeClass, model.LabelIsNumeric, model.Seed),
            (loaded.Learner, loaded.LabelColumn, loaded.PositiveClass, loaded.NegativeClass, loaded.LabelIsNumeric, loaded.Seed));
        Assert.Equal(model.FeatureColumns, loaded.FeatureColumns);
    }

    [Fact]
    public void SaveThenLoad_TextLabel_PredictsTextAgain()
    {
        var model = new FastTreeBinaryEstimator(SeparableOptions()).Fit(Separable());

        var loaded = RoundTrip(model);

        Assert.Equal(
            model.Transform(Separable()).GetText(PredictionColumns.Prediction).Values.ToArray(),
            loaded.Transform(Separable()).GetText(PredictionColumns.Prediction).Values.ToArray());
    }

    [Fact]
    public void Load_DamagedModelBlob_ThrowsCorruptArtifact()
    {
        var entries = SavedModel.From(new FastTreeBinaryEstimator(SeparableOptions()).Fit(Separable())).ToEntries()
            .ToDictionary(e => e.Key, e => e.Key.EndsWith(".bin", StringComparison.Ordinal) ? [1, 2, 3] : e.Value);

        var error = Assert.Throws<GangwayException>(() => SavedModel.FromEntries(entries).Load());

        Assert.Equal(ErrorKind.CorruptArtifact, error.Kind);
        Assert.Contains("ML.NET model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_WithoutLabelColumn_AddsProbabilityAndPredictionAndKeepsOtherColumns()
    {
        var model = new LightGbmBinaryEstimator(TitanicOptions()).Fit(Titanic());
        var unlabelled = Titanic("validation.csv").Without(["Survived"]);

        var output = model.Transform(unlabelled);

        Assert.Equal([.. unlabelled.ColumnNames, PredictionColumns.Probability, PredictionColumns.Prediction], output.ColumnNames);
        var probabilities = Probabilities(output);
        var predictions = output.GetNumeric(PredictionColumns.Prediction).Values.ToArray();
        Assert.Equal(probabilities.Select(p => p >= 0.5 ? 1.0 : 0.0), predictions);
    }

    [Fact]
    public void Transform_MissingFeatureValue_ThrowsNamingColumnAndRow()
    {
        var model = new FastTreeBinaryEstimator(TitanicOptions()).Fit(Titanic());
        var fare = new double[] { 7.25, 71.28, double.NaN };
        var data = new Table(
            new NumericColumn("Pclass", [3, 1, 2]),
            new NumericColumn("Sex", [0, 1, 1]),
            new NumericColumn("SibSp", [0, 0, 0]),
            new NumericColumn("Parch", [0, 0, 0]),
            new NumericColumn("Fare", fare));

        var error = Assert.Throws<GangwayException>(() => model.Transform(data));

        Assert.Equal("Column 'Fare' has a missing value in row 2; impute it before the learner.", error.Message);
        Assert.Equal((2, "Fare"), (error.Row, error.Column));
    }

    [Fact]
    public void Transform_FeatureColumnAbsent_ThrowsListingColumnsPresent()
    {
        var model = new FastTreeBinaryEstimator(TitanicOptions()).Fit(Titanic());

        var error = Assert.Throws<GangwayException>(() => model.Transform(Titanic().Without(["Fare"])));

        Assert.StartsWith("Could not find column 'Fare'. Columns present: PassengerId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_AfterARowFailed_StillPredictsCorrectly()
    {
        var model = new FastTreeBinaryEstimator(SeparableOptions()).Fit(Separable());
        var good = new Table(new NumericColumn("x", [0.9]), new NumericColumn("noise", [0.5]));
        var expected = Probabilities(model.Transform(good));

        Assert.Throws<GangwayException>(() => model.Transform(good.With(new NumericColumn("noise", [double.NaN]))));

        Assert.Equal(expected, Probabilities(model.Transform(good)));
    }

    [Theory]
    [InlineData("fast_forest")]
    [InlineData("light_gbm")]
    public void Transform_ManyThreadsOneRowEach_MatchesSequentialResults(string learner)
    {
        var model = Create(learner, TitanicOptions()).Fit(Titanic());
        var data = Titanic("validation.csv");
        var expected = Probabilities(model.Transform(data));
        var rows = Enumerable.Range(0, data.RowCount).ToArray();

        var actual = new double[rows.Length];
        Parallel.For(0, rows.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var row = i % rows.Length;
            actual[row] = Probabilities(model.Transform(data.Take([row])))[0];
        });

        Assert.Equal(expected, actual);
    }
}
