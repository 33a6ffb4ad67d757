using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class WeightedMetricsTests
{
    [Fact]
    public void Compute_Counts_EqualMetricsOfTheRowsRepeatedThatOften()
    {
        var random = new Random(11);
        var n = 200;
        // Probabilities on a coarse grid, so many scores tie and the tie handling of the AUC is exercised.
        var probability = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 20) / 20).ToArray();
        var actual = probability.Select(p => random.NextDouble() < p).ToArray();
        var predicted = probability.Select(p => p >= 0.5).ToArray();
        var slice = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 1 : i % 3 == 1 ? 2 : -1).ToArray();
        var counts = Enumerable.Range(0, n).Select(_ => random.Next(0, 4)).ToArray();
        var metrics = new WeightedMetrics(actual, probability, predicted, [slice], groupCount: 3);
        var values = new double[3 * WeightedMetrics.Count];

        metrics.Compute(counts, values, new double[3 * WeightedMetrics.ScratchStride]);

        for (var group = 0; group < 3; group++)
        {
            var rows = Enumerable.Range(0, n).Where(i => group == 0 || slice[i] == group).SelectMany(i => Enumerable.Repeat(i, counts[i])).ToArray();
            var expected = MetricsCalculator.Compute([.. rows.Select(i => actual[i])], [.. rows.Select(i => probability[i])], [.. rows.Select(i => predicted[i])], "1", "0");
            for (var metric = 0; metric < WeightedMetrics.Count; metric++)
            {
                var value = metric < Metrics.Scalars.Count ? Metrics.Scalars[metric].Value(expected)!.Value : expected.ExpectedCalibrationError;
                Assert.Equal(value, values[(group * WeightedMetrics.Count) + metric], 1e-9);
            }
        }
    }

    [Fact]
    public void Names_AreTheScalarsThenTheCalibrationError()
    {
        Assert.Equal([.. Metrics.Scalars.Select(s => s.Name), "expected_calibration_error"], WeightedMetrics.Names);
        Assert.Equal(WeightedMetrics.Count, WeightedMetrics.Names.Count);
    }

    [Fact]
    public void Compute_OneClassOnly_LeavesRocAucUndefined()
    {
        var metrics = new WeightedMetrics([true, true], [0.2, 0.7], [false, true], [], groupCount: 1);
        var values = new double[WeightedMetrics.Count];

        metrics.Compute([1, 1], values, new double[WeightedMetrics.ScratchStride]);

        Assert.True(double.IsNaN(values[4]));
        Assert.Equal(0.5, values[0]);
    }
}
