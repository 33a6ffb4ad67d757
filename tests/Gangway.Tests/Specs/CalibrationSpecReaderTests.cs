using Gangway.Calibration;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tests.Specs;

public class CalibrationSpecReaderTests
{
    private const string Minimal = """
        name: demo
        target:
          column: Survived
          positive: "1"
        inputs:
          Pclass: numeric
        learner:
          type: logistic_regression
        """;

    [Theory]
    [InlineData("calibration: platt", CalibrationMethod.Platt, 5)]
    [InlineData("calibration: isotonic", CalibrationMethod.Isotonic, 5)]
    [InlineData("calibration: {method: isotonic, folds: 10}", CalibrationMethod.Isotonic, 10)]
    public void Parse_Calibration_ReadsMethodAndFolds(string line, CalibrationMethod method, int folds)
    {
        var spec = ModelSpecReader.Parse(Minimal + "\n" + line + "\n");

        Assert.Equal(new CalibrationSpec(method, folds), spec.Calibration);
    }

    [Fact]
    public void Parse_NoCalibration_IsNull()
    {
        Assert.Null(ModelSpecReader.Parse(Minimal).Calibration);
    }

    [Theory]
    [InlineData("calibration: beta", "'calibration' (line 9): must be platt or isotonic; got 'beta'")]
    [InlineData("calibration: {method: platt, folds: 1}", "'calibration.folds' (line 9): must be at least 2; got 1")]
    [InlineData("calibration: {method: platt, bins: 3}", "'calibration.bins' (line 9): is not a known key")]
    public void Parse_BadCalibration_NamesKeyAndValue(string line, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal + "\n" + line + "\n", "demo.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_KeepsTheCalibration()
    {
        var spec = ModelSpecReader.Parse(Minimal + "\ncalibration: {method: isotonic, folds: 3}\n");

        var read = ModelSpecReader.Parse(ModelSpecWriter.Write(spec));

        Assert.Equal(new CalibrationSpec(CalibrationMethod.Isotonic, 3), read.Calibration);
    }

    [Fact]
    public void Build_SpecWithCalibration_WrapsThePipelineWithFoldsSeededByTheSeed()
    {
        var spec = ModelSpecReader.Parse(Minimal + "\ncalibration: {method: isotonic, folds: 3}\n");

        var estimator = Assert.IsType<CalibratedPipelineEstimator>(SpecEstimatorBuilder.Build(spec, seed: 17));

        Assert.Equal((CalibrationMethod.Isotonic, 3, 17, "Survived", "1"), (estimator.Method, estimator.Folds, estimator.Seed, estimator.LabelColumn, estimator.PositiveClass));
        Assert.Single(estimator.Pipeline.Steps);
    }
}
