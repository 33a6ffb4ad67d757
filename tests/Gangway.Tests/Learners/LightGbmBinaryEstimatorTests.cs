using Gangway.Learners;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class LightGbmBinaryEstimatorTests
{
    [Fact]
    public void Fit_OnLinux_LoadsTheNativeLibraryAndLearns()
    {
        var data = Titanic();
        var survived = data.GetNumeric("Survived").Values.ToArray().Select(v => v == 1).ToArray();

        var probabilities = Probabilities(new LightGbmBinaryEstimator(TitanicOptions()).Fit(data).Transform(data));

        Assert.True(Auc(probabilities, survived) > 0.85);
    }

    [Fact]
    public void Fit_StrongL2_ShrinksProbabilitiesTowardsTheMiddle()
    {
        var data = Titanic();
        static double Spread(double[] p) => p.Max() - p.Min();

        var weak = Probabilities(new LightGbmBinaryEstimator(TitanicOptions()).Fit(data).Transform(data));
        var strong = Probabilities(new LightGbmBinaryEstimator(TitanicOptions(), new LightGbmHyperparameters { L2 = 10_000 }).Fit(data).Transform(data));

        Assert.True(Spread(strong) < Spread(weak), $"{Spread(strong)} vs {Spread(weak)}");
    }

    [Fact]
    public void Constructor_NegativeL1_Throws()
    {
        var error = Assert.Throws<GangwayException>(() =>
            new LightGbmBinaryEstimator(TitanicOptions(), new LightGbmHyperparameters { L1 = -1 }));

        Assert.Equal("Learner 'light_gbm' hyperparameter 'l1' must be at least 0; got -1.", error.Message);
    }
}
