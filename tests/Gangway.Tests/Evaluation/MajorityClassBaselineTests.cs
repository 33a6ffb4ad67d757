using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class MajorityClassBaselineTests
{
    [Fact]
    public void PredictProbabilities_AnyTable_ReturnsTrainingRateForEveryRow()
    {
        var baseline = new MajorityClassBaseline(0.38);

        var probabilities = baseline.PredictProbabilities(new Table(new NumericColumn("x", [1, 2, 3])));

        Assert.Equal([0.38, 0.38, 0.38], probabilities);
        Assert.Equal("majority_class", baseline.Name);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_RateOutsideZeroToOne_Throws(double rate)
    {
        var error = Assert.Throws<GangwayException>(() => new MajorityClassBaseline(rate));

        Assert.Contains("must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }
}
