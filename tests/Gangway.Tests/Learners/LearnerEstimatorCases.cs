using Gangway.Data;
using Gangway.Learners;
using Gangway.Tests.Pipelines;

namespace Gangway.Tests.Learners;

/// <summary>One conformance case per built-in learner, fitted on a small numeric Titanic table with explicit features.</summary>
public sealed class LearnerEstimatorCases : IEstimatorCaseSource
{
    public IEnumerable<EstimatorCase> Cases
    {
        get
        {
            var data = LearnerTestData.Titanic();
            var options = new BinaryClassifierOptions("Survived", "1") { FeatureColumns = ["Pclass", "Sex", "Fare"], Seed = 11 };
            var textFare = new TextColumn("Fare", [.. data.GetNumeric("Fare").Values.ToArray().Select(Column.FormatNumber)]);
            yield return Case("fast_tree", () => new FastTreeBinaryEstimator(options));
            yield return Case("light_gbm", () => new LightGbmBinaryEstimator(options));
            yield return Case("fast_forest", () => new FastForestBinaryEstimator(options));
            yield return Case("logistic_regression", () => new LbfgsLogisticRegressionEstimator(options));

            EstimatorCase Case(string name, Func<BinaryClassifierEstimator> create) =>
                new($"learner {name}", create, data, "Fare", textFare);
        }
    }
}
