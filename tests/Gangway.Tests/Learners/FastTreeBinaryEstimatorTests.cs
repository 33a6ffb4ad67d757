using Gangway.Learners;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class FastTreeBinaryEstimatorTests
{
    [Fact]
    public void Fit_MoreTrees_FitsTrainingDataMoreClosely()
    {
        var data = Titanic();
        var survived = data.GetNumeric("Survived").Values.ToArray().Select(v => v == 1).ToArray();

        var few = Probabilities(new FastTreeBinaryEstimator(TitanicOptions(), new FastTreeHyperparameters { Trees = 2 }).Fit(data).Transform(data));
        var many = Probabilities(new FastTreeBinaryEstimator(TitanicOptions(), new FastTreeHyperparameters { Trees = 200 }).Fit(data).Transform(data));

        Assert.True(Auc(many, survived) > Auc(few, survived));
    }

    [Fact]
    public void Constructor_OneLeaf_ThrowsNamingTheHyperparameter()
    {
        var error = Assert.Throws<GangwayException>(() =>
            new FastTreeBinaryEstimator(TitanicOptions(), new FastTreeHyperparameters { Leaves = 1 }));

        Assert.Equal("Learner 'fast_tree' hyperparameter 'leaves' must be at least 2; got 1.", error.Message);
        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }

    [Fact]
    public void Fit_DoesNotChangeTheEstimatorOrItsOptions()
    {
        var options = TitanicOptions();
        var estimator = new FastTreeBinaryEstimator(options);

        estimator.Fit(Titanic());

        Assert.Same(options, estimator.Options);
        Assert.Null(estimator.Options.FeatureColumns);
        Assert.Equal(new FastTreeHyperparameters(), estimator.Hyperparameters);
    }
}
