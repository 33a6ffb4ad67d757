using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class AnalyticIntervalsTests
{
    [Fact]
    public void Wilson_AllOrNothing_StaysInsideZeroToOne()
    {
        var none = AnalyticIntervals.Wilson(0, 20, 0.95)!;
        var all = AnalyticIntervals.Wilson(20, 20, 0.95)!;

        Assert.Equal(0, none.Lower, 1e-12);
        Assert.True(none.Upper is > 0.1 and < 0.2); // 0.161
        Assert.Equal(1, all.Upper, 1e-12);
        Assert.Null(AnalyticIntervals.Wilson(0, 0, 0.95));
    }

    [Fact]
    public void RocAuc_IsDeLongsStandardErrorOfOneModel()
    {
        var random = new Random(5);
        bool[] actual = [.. Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.4)];
        double[] score = [.. actual.Select(a => (a ? 0.3 : 0) + (0.7 * random.NextDouble()))];
        // Against a constant score (every pair tied: no variance, no covariance), DeLong's difference has the model's own variance.
        var compared = DeLongTest.Compare(actual, [.. actual.Select(_ => 0.5)], score);

        var interval = AnalyticIntervals.RocAuc(actual, score, 0.95)!;

        Assert.Equal(compared.Second - (1.959963984540054 * compared.StandardError), interval.Lower, 1e-9);
        Assert.Equal(compared.Second + (1.959963984540054 * compared.StandardError), interval.Upper, 1e-9);
        Assert.Null(AnalyticIntervals.RocAuc([true, false, false], [0.9, 0.1, 0.2], 0.95));
    }
}
