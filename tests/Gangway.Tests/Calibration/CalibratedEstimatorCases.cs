using Gangway.Calibration;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Tests.Learners;
using Gangway.Tests.Pipelines;

namespace Gangway.Tests.Calibration;

/// <summary>Conformance cases for <see cref="CalibratedPipelineEstimator"/>: each calibration method over a learner.</summary>
public sealed class CalibratedEstimatorCases : IEstimatorCaseSource
{
    public IEnumerable<EstimatorCase> Cases
    {
        get
        {
            var data = LearnerTestData.Titanic();
            var options = new BinaryClassifierOptions("Survived", "1") { FeatureColumns = ["Pclass", "Sex", "Fare"], Seed = 11 };
            var textFare = new TextColumn("Fare", [.. data.GetNumeric("Fare").Values.ToArray().Select(Column.FormatNumber)]);
            yield return new EstimatorCase(
                "calibrated platt fast_tree",
                () => new CalibratedPipelineEstimator(new PipelineEstimator(new FastTreeBinaryEstimator(options)), "Survived", "1", CalibrationMethod.Platt, folds: 3, seed: 4),
                data,
                "Fare",
                textFare);
            yield return new EstimatorCase(
                "calibrated isotonic logistic_regression",
                () => new CalibratedPipelineEstimator(new PipelineEstimator(new LbfgsLogisticRegressionEstimator(options)), "Survived", "1", CalibrationMethod.Isotonic, folds: 3, seed: 4),
                data,
                "Fare",
                textFare);
        }
    }
}
