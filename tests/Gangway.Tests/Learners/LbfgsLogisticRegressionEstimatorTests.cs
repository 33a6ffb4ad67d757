using Gangway.Learners;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class LbfgsLogisticRegressionEstimatorTests
{
    [Fact]
    public void Fit_StrongL2_ShrinksProbabilitiesTowardsTheBaseRate()
    {
        var data = Titanic();
        static double Spread(double[] p) => p.Max() - p.Min();
        var options = TitanicOptions() with { FeatureColumns = ["Pclass", "Sex", "SibSp", "Parch"] };

        var weak = Probabilities(new LbfgsLogisticRegressionEstimator(options).Fit(data).Transform(data));
        var strong = Probabilities(new LbfgsLogisticRegressionEstimator(options, new LogisticRegressionHyperparameters { L2 = 100_000 }).Fit(data).Transform(data));

        Assert.True(Spread(strong) < Spread(weak) / 2, $"{Spread(strong)} vs {Spread(weak)}");
    }

    [Fact]
    public void Constructor_ZeroIterations_Throws()
    {
        var error = Assert.Throws<GangwayException>(() =>
            new LbfgsLogisticRegressionEstimator(TitanicOptions(), new LogisticRegressionHyperparameters { MaxIterations = 0 }));

        Assert.Equal("Learner 'logistic_regression' hyperparameter 'max_iterations' must be at least 1; got 0.", error.Message);
    }
}
