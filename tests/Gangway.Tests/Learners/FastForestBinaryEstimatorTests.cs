using Gangway.Learners;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class FastForestBinaryEstimatorTests
{
    [Fact]
    public void Fit_DifferentSeeds_GiveDifferentForests()
    {
        var data = Titanic();

        var first = Probabilities(new FastForestBinaryEstimator(TitanicOptions(seed: 1)).Fit(data).Transform(data));
        var second = Probabilities(new FastForestBinaryEstimator(TitanicOptions(seed: 2)).Fit(data).Transform(data));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Fit_Titanic_ProbabilitiesAreCalibratedNotRawScores()
    {
        var data = Titanic();

        var probabilities = Probabilities(new FastForestBinaryEstimator(TitanicOptions()).Fit(data).Transform(data));

        // A calibrated model's mean probability is close to the base rate of the positive class.
        var survivalRate = data.GetNumeric("Survived").Values.ToArray().Average();
        Assert.InRange(probabilities.Average(), survivalRate - 0.05, survivalRate + 0.05);
        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Constructor_BaggingFractionAboveOne_Throws()
    {
        var error = Assert.Throws<GangwayException>(() =>
            new FastForestBinaryEstimator(TitanicOptions(), new FastForestHyperparameters { BaggingFraction = 1.5 }));

        Assert.Equal("Learner 'fast_forest' hyperparameter 'bagging_fraction' must be greater than 0 and at most 1; got 1.5.", error.Message);
    }
}
