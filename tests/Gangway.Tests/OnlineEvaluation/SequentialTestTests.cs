using Gangway.OnlineEvaluation;
using MathNet.Numerics.Distributions;

namespace Gangway.Tests.OnlineEvaluation;

public class SequentialTestTests
{
    private const double Alpha = 0.05;

    [Fact]
    public void Unpaired_AaExperimentsPeekedEvery50Records_KeepFalsePositivesAtAlphaWhereRepeatedTTestsDoNot()
    {
        // 500 A/A experiments of 5,000 records per variant, both 80% correct, looked at every 50 records.
        var random = new Random(14);
        int sequentialRejections = 0, naiveRejections = 0;
        for (var experiment = 0; experiment < 500; experiment++)
        {
            var test = new SequentialTest(paired: false);
            var (champion, challenger) = (new Moments(), new Moments());
            var naiveRejected = false;
            for (var n = 1; n <= 5000; n++)
            {
                var (a, b) = (Bernoulli(random, 0.8), Bernoulli(random, 0.8));
                test.AddChampion(a);
                test.AddChallenger(b);
                champion.Add(a);
                challenger.Add(b);
                if (n % 50 == 0)
                {
                    naiveRejected |= WelchPValue(champion, challenger) < Alpha;
                }
            }

            sequentialRejections += test.Result.Rejected ? 1 : 0;
            naiveRejections += naiveRejected ? 1 : 0;
        }

        // Binomial sampling error of a 5% rate over 500 experiments is about 1%: allow two standard errors.
        Assert.InRange(sequentialRejections / 500.0, 0, Alpha + 0.02);
        Assert.True(naiveRejections / 500.0 > 0.15, $"The repeated t-test rejected only {naiveRejections} of 500 A/A experiments.");
    }

    [Fact]
    public void Unpaired_RealDifference_IsFoundAndCoveredByTheConfidenceSequence()
    {
        var random = new Random(7);
        int found = 0, covered = 0;
        for (var experiment = 0; experiment < 200; experiment++)
        {
            var test = new SequentialTest(paired: false);
            for (var n = 0; n < 5000; n++)
            {
                test.AddChampion(Bernoulli(random, 0.80));
                test.AddChallenger(Bernoulli(random, 0.84));
            }

            var result = test.Result;
            found += result.Rejected && result.Lower > 0 ? 1 : 0;
            covered += result.Lower <= 0.04 && 0.04 <= result.Upper ? 1 : 0;
        }

        Assert.True(found >= 180, $"Found the 0.04 difference in only {found} of 200 experiments.");
        // 95% coverage over 200 experiments has a sampling error of 1.5%: allow two standard errors.
        Assert.True(covered >= 184, $"The confidence sequence covered the true difference in only {covered} of 200 experiments.");
    }

    [Fact]
    public void Paired_AaShadowOnTheSameRecords_KeepsFalsePositivesAtAlpha()
    {
        // A shadow agreeing with the champion on half the records and otherwise right as often: no difference.
        var random = new Random(21);
        var rejections = 0;
        for (var experiment = 0; experiment < 500; experiment++)
        {
            var test = new SequentialTest(paired: true);
            for (var n = 0; n < 5000; n++)
            {
                var champion = Bernoulli(random, 0.8);
                test.AddPair(champion, random.NextDouble() < 0.5 ? champion : Bernoulli(random, 0.8));
            }

            rejections += test.Result.Rejected ? 1 : 0;
        }

        Assert.InRange(rejections / 500.0, 0, Alpha + 0.02);
    }

    [Fact]
    public void Paired_BetterShadow_IsFoundWithTheChallengerAhead()
    {
        var random = new Random(3);
        var found = 0;
        for (var experiment = 0; experiment < 100; experiment++)
        {
            var test = new SequentialTest(paired: true);
            for (var n = 0; n < 5000; n++)
            {
                var champion = Bernoulli(random, 0.8);
                test.AddPair(champion, random.NextDouble() < 0.5 ? champion : Bernoulli(random, 0.88));
            }

            found += test.Result.Rejected && test.Result.Lower > 0 ? 1 : 0;
        }

        Assert.True(found >= 90, $"Found the better shadow in only {found} of 100 experiments.");
    }

    [Fact]
    public void Result_FollowsTheMixtureFormulaAtEveryRecord()
    {
        double[] differences = [0.3, -0.1, 0.5, 0.2, 0.4, 0.1, 0.6, 0.3, 0.2, 0.5];
        const double Tau = 0.05;
        var test = new SequentialTest(paired: true, new SequentialTestOptions { MixtureVariance = Tau, MinimumRecords = 2 });
        double expectedP = 1, lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        for (var n = 1; n <= differences.Length; n++)
        {
            test.AddPair(0, differences[n - 1]);
            if (n < 2)
            {
                continue;
            }

            var prefix = differences[..n];
            var mean = prefix.Average();
            var s2 = prefix.Sum(d => (d - mean) * (d - mean)) / (n - 1) / n;
            var lambda = Math.Sqrt(s2 / (s2 + Tau)) * Math.Exp(Tau * mean * mean / (2 * s2 * (s2 + Tau)));
            expectedP = Math.Min(expectedP, 1 / lambda);
            var radius = Math.Sqrt(2 * s2 * (s2 + Tau) / Tau * (Math.Log(1 / Alpha) + (0.5 * Math.Log((s2 + Tau) / s2))));
            (lower, upper) = (Math.Max(lower, mean - radius), Math.Min(upper, mean + radius));
        }

        var result = test.Result;
        Assert.Equal(expectedP, result.PValue, 1e-12);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
        Assert.Equal(differences.Average(), result.Difference, 1e-12);
        Assert.True(result.Paired);
        Assert.Equal(10, result.ChallengerRecords);
    }

    [Fact]
    public void Result_BeforeTheMinimumRecords_HasNoBoundsAndPValueOne()
    {
        var test = new SequentialTest(paired: false);
        for (var n = 0; n < 29; n++)
        {
            test.AddChampion(0);
            test.AddChallenger(1);
        }

        var result = test.Result;
        Assert.Equal(1, result.PValue);
        Assert.Equal(double.NegativeInfinity, result.Lower);
        Assert.Equal(double.PositiveInfinity, result.Upper);
        Assert.Equal(1, result.Difference);
    }

    [Fact]
    public void Add_WrongFormOrValue_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new SequentialTest(paired: true).AddChampion(1));
        Assert.Throws<InvalidOperationException>(() => new SequentialTest(paired: false).AddPair(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialTest(paired: false).AddChallenger(double.NaN));
        var error = Assert.Throws<GangwayException>(() => new SequentialTest(false, new SequentialTestOptions { Confidence = 1 }));
        Assert.Contains("it is 1", error.Message, StringComparison.Ordinal);
    }

    private static double Bernoulli(Random random, double p) => random.NextDouble() < p ? 1 : 0;

    // The two-sided Welch test a dashboard would run at every look.
    private static double WelchPValue(Moments a, Moments b)
    {
        var se = Math.Sqrt((a.Variance / a.Count) + (b.Variance / b.Count));
        return se == 0 ? 1 : 2 * Normal.CDF(0, 1, -Math.Abs(b.Mean - a.Mean) / se);
    }

    private sealed class Moments
    {
        private double _sum;
        private double _squares;

        public int Count { get; private set; }

        public double Mean => _sum / Count;

        public double Variance => Count < 2 ? 0 : (_squares - (Count * Mean * Mean)) / (Count - 1);

        public void Add(double value)
        {
            Count++;
            _sum += value;
            _squares += value * value;
        }
    }
}
