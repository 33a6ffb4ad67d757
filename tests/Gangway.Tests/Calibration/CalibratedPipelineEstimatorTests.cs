using Gangway.Calibration;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Tests.Learners;

namespace Gangway.Tests.Calibration;

public class CalibratedPipelineEstimatorTests
{
    private static readonly Table Data = LearnerTestData.Titanic();

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Fit_Calibrator_IsFittedOnOutOfFoldProbabilitiesOfTheTrainingRowsOnly(CalibrationMethod method)
    {
        var estimator = Estimator(method);

        var learner = Learner(estimator.Fit(Data));

        // By hand: each fold scored by a pipeline that never saw it, as scikit-learn's CalibratedClassifierCV(ensemble=False).
        var probabilities = new List<double>();
        var actual = new List<bool>();
        foreach (var (train, test) in CrossValidation.Split(Data, "Survived", folds: 4, seed: 9))
        {
            probabilities.AddRange(Pipeline().Fit(train).Transform(test).GetNumeric(PredictionColumns.Probability).Values.ToArray());
            actual.AddRange(test.GetNumeric("Survived").Values.ToArray().Select(v => v == 1));
        }

        ProbabilityCalibrator expected = method == CalibrationMethod.Platt ? PlattCalibration.Fit(probabilities, actual) : IsotonicCalibration.Fit(probabilities, actual);
        var fitted = learner.Calibration!;
        Assert.Equal((method, 4, Data.RowCount), (fitted.Method, fitted.Folds, fitted.Rows));
        foreach (var p in new[] { 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95 })
        {
            Assert.Equal(expected.Calibrate(p), fitted.Calibrator.Calibrate(p), 1e-9);
        }

        // The final model's own (in-sample) probabilities would give another calibrator: the folds matter.
        var inSample = Pipeline().Fit(Data).Transform(Data);
        var inSampleProbabilities = inSample.GetNumeric(PredictionColumns.Probability).Values.ToArray();
        bool[] inSampleActual = [.. Data.GetNumeric("Survived").Values.ToArray().Select(v => v == 1)];
        ProbabilityCalibrator leaky = method == CalibrationMethod.Platt ? PlattCalibration.Fit(inSampleProbabilities, inSampleActual) : IsotonicCalibration.Fit(inSampleProbabilities, inSampleActual);
        Assert.Contains(new[] { 0.2, 0.5, 0.8 }, p => Math.Abs(leaky.Calibrate(p) - fitted.Calibrator.Calibrate(p)) > 1e-3);
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Transform_Probability_IsTheCalibratedProbabilityOfTheSameModel(CalibrationMethod method)
    {
        var calibrated = Estimator(method).Fit(Data);
        var uncalibrated = Pipeline().Fit(Data);

        var p = calibrated.Transform(Data).GetNumeric(PredictionColumns.Probability).Values.ToArray();
        var raw = uncalibrated.Transform(Data).GetNumeric(PredictionColumns.Probability).Values.ToArray();

        var calibrator = Learner(calibrated).Calibration!.Calibrator;
        Assert.Equal(raw.Select(r => ShortestDecimal.Widen((float)calibrator.Calibrate(r))), p);
        Assert.True(p.Zip(raw).Count(x => x.First != x.Second) > Data.RowCount / 2, "calibration should move most probabilities");
    }

    [Fact]
    public void Fit_RecordsOutOfFoldErrorsBeforeAndAfter()
    {
        var fitted = Learner(Estimator(CalibrationMethod.Isotonic).Fit(Data)).Calibration!;

        Assert.InRange(fitted.UncalibratedError, 0, 1);
        Assert.True(fitted.CalibratedError < fitted.UncalibratedError, $"{fitted.CalibratedError} vs {fitted.UncalibratedError}");
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void SaveLoad_RoundTrip_GivesIdenticalProbabilitiesAndCalibration(CalibrationMethod method)
    {
        var fitted = Estimator(method).Fit(Data);

        var loaded = SavedModel.FromEntries(SavedModel.From(fitted).ToEntries()).Load();

        Assert.Equal(
            fitted.Transform(Data).GetNumeric(PredictionColumns.Probability).Values.ToArray(),
            loaded.Transform(Data).GetNumeric(PredictionColumns.Probability).Values.ToArray());
        var calibration = Learner((PipelineTransformer)loaded).Calibration!;
        Assert.Equal(Learner(fitted).Calibration!.ToJson().ToJsonString(), calibration.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("slope", -2.0, "Saved step 'binary_classifier': 'calibration.slope' is negative.")]
    [InlineData("folds", "five", "Saved step 'binary_classifier': 'calibration.folds' is missing or not a number.")]
    public void Load_CorruptCalibration_IsACorruptArtifactNamingTheEntry(string key, object value, string expected)
    {
        var model = SavedModel.FromEntries(SavedModel.From(Estimator(CalibrationMethod.Platt).Fit(Data)).ToEntries());
        var learner = model.Root["children"]!["steps"]!.AsArray()[^1]!["state"]!["calibration"]!.AsObject();
        learner[key] = System.Text.Json.Nodes.JsonValue.Create(value);

        var ex = Assert.Throws<GangwayException>(() => model.Load());

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Save_UncalibratedLearner_WritesNoCalibration()
    {
        var entries = SavedModel.From(Pipeline().Fit(Data)).ToEntries();

        Assert.DoesNotContain(entries.Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains("\"calibration\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_ClassSmallerThanTheFolds_SaysCalibrationNeedsMoreRows()
    {
        var tiny = Data.Take([.. Enumerable.Range(0, Data.RowCount).Where(r => Data.GetNumeric("Survived")[r] == 0).Take(20), .. Enumerable.Range(0, Data.RowCount).Where(r => Data.GetNumeric("Survived")[r] == 1).Take(3)]);

        var ex = Assert.Throws<GangwayException>(() => Estimator(CalibrationMethod.Platt).Fit(tiny));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal(
            "Calibration fits on out-of-fold probabilities of the training data: Cannot split column 'Survived' into 4 stratified folds: class '1' has only 3 rows; every class needs at least one row per fold.",
            ex.Message);
    }

    [Fact]
    public void Fit_PipelineWithoutAClassifier_NamesItsLastStep()
    {
        var estimator = new CalibratedPipelineEstimator(new PipelineEstimator(new StandardScalingEstimator(["Fare"])), "Survived", "1", CalibrationMethod.Platt, folds: 2);

        var ex = Assert.Throws<GangwayException>(() => estimator.Fit(Data));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith("Calibration needs a pipeline that ends in a binary classifier; its last step is '", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OneFold_IsRejected()
    {
        var ex = Assert.Throws<GangwayException>(() => new CalibratedPipelineEstimator(Pipeline(), "Survived", "1", CalibrationMethod.Platt, folds: 1));

        Assert.Equal("Calibration needs at least 2 folds of the training data; got 1.", ex.Message);
    }

    private static PipelineEstimator Pipeline() =>
        new(new FastForestBinaryEstimator(LearnerTestData.TitanicOptions(seed: 3), new FastForestHyperparameters { Trees = 20 }));

    private static CalibratedPipelineEstimator Estimator(CalibrationMethod method) =>
        new(Pipeline(), "Survived", "1", method, folds: 4, seed: 9);

    private static BinaryClassifierTransformer Learner(PipelineTransformer model) => Assert.IsType<BinaryClassifierTransformer>(model.Steps[^1]);
}
