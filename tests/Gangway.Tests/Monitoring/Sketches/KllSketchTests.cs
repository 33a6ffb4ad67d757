using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring.Sketches;

public class KllSketchTests
{
    // The documented bound for k = 200: 1.65% of the rank (DataSketches' 99%-confidence figure).
    private const double RankBound = 0.0165;
    private const int Million = 1_000_000;

    [Fact]
    public void Quantile_MillionUniformValues_RankErrorWithinBound()
    {
        var values = Uniform(new Random(11), Million);
        var sketch = Sketch(values);

        Assert.InRange(MaxQuantileRankError(sketch, values), 0, RankBound);
        Assert.InRange(MaxCdfError(sketch, values), 0, RankBound);
    }

    [Fact]
    public void Quantile_MillionNormalValues_RankErrorWithinBound()
    {
        var values = Normal(new Random(12), Million, mean: 30, sd: 14);
        var sketch = Sketch(values);

        Assert.InRange(MaxQuantileRankError(sketch, values), 0, RankBound);
        Assert.InRange(MaxCdfError(sketch, values), 0, RankBound);
    }

    [Fact]
    public void Merge_TwoSketches_WithinBoundOfConcatenation()
    {
        var first = Uniform(new Random(13), Million / 2);
        var second = Normal(new Random(14), Million / 2, mean: 0.8, sd: 0.3);
        var merged = Sketch(first);
        merged.Merge(Sketch(second));
        double[] all = [.. first, .. second];

        Assert.Equal(Million, merged.Count);
        Assert.Equal(all.Min(), merged.Min);
        Assert.Equal(all.Max(), merged.Max);
        Assert.InRange(MaxQuantileRankError(merged, all), 0, RankBound);
        Assert.InRange(MaxCdfError(merged, all), 0, RankBound);
    }

    [Fact]
    public void Merge_ManySmallSketches_WithinBoundOfConcatenation()
    {
        var random = new Random(15);
        var parts = Enumerable.Range(0, 50).Select(_ => Normal(random, 4_000, mean: 0, sd: 1)).ToList();
        var merged = new KllSketch();
        foreach (var part in parts)
        {
            merged.Merge(Sketch(part));
        }

        var all = parts.SelectMany(p => p).ToArray();
        Assert.Equal(all.Length, merged.Count);
        Assert.InRange(MaxQuantileRankError(merged, all), 0, RankBound);
        Assert.InRange(merged.RetainedCount, 1, 3 * KllSketch.DefaultK + 50);
    }

    [Fact]
    public void Add_MillionValues_KeepsFewHundredValuesStandingForAll()
    {
        var sketch = Sketch(Uniform(new Random(16), Million));

        Assert.InRange(sketch.RetainedCount, KllSketch.DefaultK, 3 * KllSketch.DefaultK + 50);
        var distribution = sketch.ToDistribution();
        Assert.Equal(Million, distribution.TotalWeight);
        Assert.Equal(sketch.RetainedCount, distribution.Values.Length);
    }

    [Fact]
    public void Add_SameValuesTwice_IdenticalSketches()
    {
        var values = Normal(new Random(17), 100_000, mean: 5, sd: 2);
        var first = Sketch(values).ToDistribution();
        var second = Sketch(values).ToDistribution();

        Assert.Equal(first.Values.ToArray(), second.Values.ToArray());
        Assert.Equal(first.Weights.ToArray(), second.Weights.ToArray());
    }

    [Fact]
    public void Add_FewerValuesThanK_QuantilesExact()
    {
        var sketch = Sketch([5, 1, 4, 2, 3]);

        Assert.Equal(1, sketch.Quantile(0.2));
        Assert.Equal(3, sketch.Quantile(0.5));
        Assert.Equal(5, sketch.Quantile(0.9));
        Assert.Equal(0.4, sketch.Cdf(2.5));
        Assert.Equal(0, sketch.Cdf(0.5));
        Assert.Equal(1, sketch.Cdf(5));
    }

    [Fact]
    public void Add_NaN_CountsMissingAndInfinitiesAsValues()
    {
        var sketch = Sketch([double.NaN, 1, double.PositiveInfinity, double.NaN, double.NegativeInfinity]);

        Assert.Equal(3, sketch.Count);
        Assert.Equal(2, sketch.Missing);
        Assert.Equal(double.NegativeInfinity, sketch.Min);
        Assert.Equal(double.PositiveInfinity, sketch.Max);
        Assert.Equal(double.PositiveInfinity, sketch.Quantile(0.99));
        var distribution = sketch.ToDistribution();
        Assert.Equal(2, distribution.Missing);
        Assert.Equal([double.NegativeInfinity, 1, double.PositiveInfinity], distribution.Values.ToArray());
    }

    [Fact]
    public void ToDistribution_RepeatedValues_OneWeightedPointEach()
    {
        var sketch = Sketch([2, 1, 2, 2, 1]);

        var distribution = sketch.ToDistribution();

        Assert.Equal([1.0, 2.0], distribution.Values.ToArray());
        Assert.Equal([2.0, 3.0], distribution.Weights.ToArray());
    }

    [Fact]
    public void Quantile_Empty_NaN()
    {
        var sketch = new KllSketch();
        sketch.Add(double.NaN);

        Assert.True(sketch.IsEmpty);
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
        Assert.Equal(0, sketch.Cdf(1));
        Assert.True(sketch.ToDistribution().IsEmpty);
        Assert.Equal(1, sketch.ToDistribution().Missing);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Quantile_ProbabilityOutsideZeroOne_Throws(double probability)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch().Quantile(probability));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(70_000)]
    public void Constructor_KOutOfRange_ThrowsInvalidInput(int k)
    {
        var ex = Assert.Throws<GangwayException>(() => new KllSketch(k));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains($"it is {k}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_ThenAdd_LeavesOriginalUnchanged()
    {
        var original = Sketch(Uniform(new Random(18), 10_000));
        var before = original.ToDistribution().Values.ToArray();

        var copy = original.Clone();
        copy.Add(Uniform(new Random(19), 10_000));

        Assert.Equal(10_000, original.Count);
        Assert.Equal(20_000, copy.Count);
        Assert.Equal(before, original.ToDistribution().Values.ToArray());
    }

    [Fact]
    public void Merge_Itself_DoublesCounts()
    {
        var sketch = Sketch([1, 2, double.NaN]);

        sketch.Merge(sketch);

        Assert.Equal(4, sketch.Count);
        Assert.Equal(2, sketch.Missing);
        Assert.Equal(0.5, sketch.Cdf(1));
    }

    [Fact]
    public void Merge_IntoEmpty_TakesMinAndMax()
    {
        var empty = new KllSketch();

        empty.Merge(Sketch([3, -2, 8]));

        Assert.Equal(-2, empty.Min);
        Assert.Equal(8, empty.Max);
        Assert.Equal(3, empty.Count);
    }

    internal static KllSketch Sketch(double[] values)
    {
        var sketch = new KllSketch();
        sketch.Add(values);
        return sketch;
    }

    internal static double[] Uniform(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextDouble())];

    internal static double[] Normal(Random random, int count, double mean, double sd) =>
        [.. Enumerable.Range(0, count).Select(_ => mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    // For p = 0.001 .. 0.999: how far p is from the range of true ranks of the value the sketch returns.
    private static double MaxQuantileRankError(KllSketch sketch, double[] values)
    {
        var sorted = values.Order().ToArray();
        var worst = 0.0;
        for (var p = 0.001; p < 1; p += 0.001)
        {
            var q = sketch.Quantile(p);
            var below = (double)LowerBound(sorted, q) / sorted.Length;
            var atOrBelow = (double)UpperBound(sorted, q) / sorted.Length;
            worst = Math.Max(worst, p < below ? below - p : p > atOrBelow ? p - atOrBelow : 0);
        }

        return worst;
    }

    // At 999 true quantiles: how far the sketch's CDF is from the exact one.
    private static double MaxCdfError(KllSketch sketch, double[] values)
    {
        var sorted = values.Order().ToArray();
        var worst = 0.0;
        for (var i = 1; i < 1000; i++)
        {
            var x = sorted[(int)((long)i * sorted.Length / 1000)];
            var exact = (double)UpperBound(sorted, x) / sorted.Length;
            worst = Math.Max(worst, Math.Abs(sketch.Cdf(x) - exact));
        }

        return worst;
    }

    private static int LowerBound(double[] sorted, double x)
    {
        var index = Array.BinarySearch(sorted, x);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == x)
        {
            index--;
        }

        return index;
    }

    private static int UpperBound(double[] sorted, double x)
    {
        var index = Array.BinarySearch(sorted, x);
        if (index < 0)
        {
            return ~index;
        }

        while (index < sorted.Length - 1 && sorted[index + 1] == x)
        {
            index++;
        }

        return index + 1;
    }
}
