using Gangway.Learners;

namespace Gangway.Tests.Learners;

public sealed class BinaryClassifierOptionsTests
{
    [Fact]
    public void Constructor_NoLabel_ThrowsInvalidConfiguration()
    {
        var error = Assert.Throws<GangwayException>(() => new BinaryClassifierOptions(" ", "1"));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }

    [Fact]
    public void Constructor_NoPositiveClass_ThrowsNamingTheLabel()
    {
        var error = Assert.Throws<GangwayException>(() => new BinaryClassifierOptions("Survived", ""));

        Assert.Contains("'Survived'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreSeedZeroAllNumericFeaturesNothingExcluded()
    {
        var options = new BinaryClassifierOptions("Survived", "1");

        Assert.Equal((0, null, 0), (options.Seed, options.FeatureColumns, options.ExcludedColumns.Count));
    }

    [Fact]
    public void EstimatorConstructor_LabelListedAsFeature_Throws()
    {
        var options = new BinaryClassifierOptions("Survived", "1") { FeatureColumns = ["Fare", "Survived"] };

        var error = Assert.Throws<GangwayException>(() => new FastTreeBinaryEstimator(options));

        Assert.Equal("The label column 'Survived' cannot also be a feature column.", error.Message);
    }

    [Fact]
    public void EstimatorConstructor_FeatureListedTwice_Throws()
    {
        var options = new BinaryClassifierOptions("Survived", "1") { FeatureColumns = ["Fare", "Fare"] };

        var error = Assert.Throws<GangwayException>(() => new LightGbmBinaryEstimator(options));

        Assert.Equal("Feature column 'Fare' is listed more than once.", error.Message);
    }
}
