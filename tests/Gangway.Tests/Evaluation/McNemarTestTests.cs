using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class McNemarTestTests
{
    [Fact]
    public void Compare_FewDiscordantRows_UsesTheExactBinomialPValue()
    {
        // 2 * P(X <= 2), X ~ Binomial(10, 1/2) = 2 * (1 + 10 + 45) / 1024.
        var result = McNemarTest.Compare(rows: 100, onlyFirstCorrect: 2, onlySecondCorrect: 8);

        Assert.True(result.Exact);
        Assert.Equal(112 / 1024.0, result.PValue, 1e-12);
        Assert.Equal(0.06, result.Difference, 1e-12);
    }

    [Fact]
    public void Compare_TwentyFourDiscordantRows_IsStillExact()
    {
        // 2 * P(X <= 5), X ~ Binomial(20, 1/2) = 2 * (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20; here b + c = 20.
        Assert.Equal(0.04138946533203125, McNemarTest.Compare(50, 5, 15).PValue, 1e-12);
        Assert.True(McNemarTest.Compare(50, 12, 12).Exact);
        Assert.False(McNemarTest.Compare(50, 12, 13).Exact);
    }

    [Fact]
    public void Compare_ManyDiscordantRows_UsesChiSquareWithContinuityCorrection()
    {
        // Agresti's presidential-approval table (n = 1600, b = 150, c = 86): (|150 - 86| - 1)² / 236 = 16.818, p = 4.1146e-5.
        var result = McNemarTest.Compare(rows: 1600, onlyFirstCorrect: 150, onlySecondCorrect: 86);

        Assert.False(result.Exact);
        Assert.Equal(4.1145622813459415e-05, result.PValue, 1e-15);
        Assert.Equal(-0.04, result.Difference, 1e-12);
        // Wald: sqrt(b + c - (c - b)² / n) / n = sqrt(236 - 2.56) / 1600.
        Assert.Equal(Math.Sqrt(233.44) / 1600, result.StandardError, 1e-15);
        Assert.Equal(-0.04 - (1.959963984540054 * result.StandardError), result.Lower, 1e-9);
        Assert.Equal(-0.04 + (1.959963984540054 * result.StandardError), result.Upper, 1e-9);
    }

    [Fact]
    public void Compare_ThirtyDiscordantRows_MatchesChiSquareTail()
    {
        // (|10 - 20| - 1)² / 30 = 2.7; P(chi²(1) > 2.7) = 0.100348.
        Assert.Equal(0.10034824646229074, McNemarTest.Compare(200, 10, 20).PValue, 1e-12);
    }

    [Fact]
    public void Compare_SameCorrectness_IsNoDifferenceWithPValueOne()
    {
        var correct = new[] { true, false, true, true };

        var result = McNemarTest.Compare(correct, correct);

        Assert.Equal((0, 0, 0.0, 1.0), (result.OnlyFirstCorrect, result.OnlySecondCorrect, result.Difference, result.PValue));
    }

    [Fact]
    public void Compare_RowFlags_CountsTheDiscordantRows()
    {
        var result = McNemarTest.Compare([true, true, false, false, true], [true, false, true, true, false]);

        Assert.Equal((5, 2, 2), (result.Rows, result.OnlyFirstCorrect, result.OnlySecondCorrect));
    }

    [Fact]
    public void Compare_ConfidenceOutsideUnitInterval_IsAConfigurationError()
    {
        var error = Assert.Throws<GangwayException>(() => McNemarTest.Compare(10, 1, 2, confidence: 1.5));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("got 1.5", error.Message, StringComparison.Ordinal);
    }
}
