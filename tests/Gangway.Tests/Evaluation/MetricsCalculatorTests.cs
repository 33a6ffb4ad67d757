using Gangway.Evaluation;
using Microsoft.ML;

namespace Gangway.Tests.Evaluation;

public class MetricsCalculatorTests
{
    private const double Tolerance = 1e-12;

    private static Metrics Compute(int[] actual, double[] probability, int[] predicted) => MetricsCalculator.Compute(
        [.. actual.Select(a => a == 1)], probability, [.. predicted.Select(p => p == 1)], "1", "0");

    [Fact]
    public void Compute_MixedPredictions_MatchesHandComputedValues()
    {
        var metrics = Compute([1, 1, 0, 0, 1, 0], [0.9, 0.4, 0.6, 0.2, 0.8, 0.1], [1, 0, 1, 0, 1, 0]);

        Assert.Equal(4.0 / 6, metrics.Accuracy, Tolerance);
        Assert.Equal(2.0 / 3, metrics.Precision, Tolerance);
        Assert.Equal(2.0 / 3, metrics.Recall, Tolerance);
        Assert.Equal(2.0 / 3, metrics.F1, Tolerance);
        Assert.Equal(8.0 / 9, metrics.RocAuc!.Value, Tolerance);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.8)) / 3, metrics.LogLoss, Tolerance);
        Assert.Equal(0.82 / 6, metrics.Brier, Tolerance);
        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1, "1", "0"), metrics.ConfusionMatrix);
        Assert.Equal(6, metrics.Rows);
        Assert.Equal(3, metrics.Positives);
    }

    [Fact]
    public void Compute_UnevenPrecisionAndRecall_F1IsHarmonicMean()
    {
        // tp 1, fp 3, fn 1: precision 1/4, recall 1/2.
        var metrics = Compute([1, 0, 0, 0, 1, 0], [0.9, 0.7, 0.6, 0.8, 0.3, 0.1], [1, 1, 1, 1, 0, 0]);

        Assert.Equal(0.25, metrics.Precision, Tolerance);
        Assert.Equal(0.5, metrics.Recall, Tolerance);
        Assert.Equal(2 * 0.25 * 0.5 / 0.75, metrics.F1, Tolerance);
    }

    [Fact]
    public void Compute_PerfectPredictions_AllScoresAreOne()
    {
        var metrics = Compute([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.2], [1, 0, 1, 0]);

        Assert.Equal(new[] { 1.0, 1.0, 1.0, 1.0, 1.0 }, new[] { metrics.Accuracy, metrics.Precision, metrics.Recall, metrics.F1, metrics.RocAuc!.Value });
        Assert.Equal(new ConfusionMatrix(2, 0, 2, 0, "1", "0"), metrics.ConfusionMatrix);
    }

    [Fact]
    public void Compute_InvertedPredictions_AllScoresAreZero()
    {
        var metrics = Compute([1, 0, 1, 0], [0.1, 0.9, 0.2, 0.8], [0, 1, 0, 1]);

        Assert.Equal(new[] { 0.0, 0.0, 0.0, 0.0, 0.0 }, new[] { metrics.Accuracy, metrics.Precision, metrics.Recall, metrics.F1, metrics.RocAuc!.Value });
        Assert.Equal(new ConfusionMatrix(0, 2, 0, 2, "1", "0"), metrics.ConfusionMatrix);
    }

    [Fact]
    public void Compute_ConstantPredictions_ZeroDivisionGivesZeroAndTiesGiveHalfAuc()
    {
        var metrics = Compute([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5], [0, 0, 0, 0]);

        Assert.Equal(0.5, metrics.Accuracy);
        Assert.Equal(0, metrics.Precision);
        Assert.Equal(0, metrics.Recall);
        Assert.Equal(0, metrics.F1);
        Assert.Equal(0.5, metrics.RocAuc);
        Assert.Equal(Math.Log(2), metrics.LogLoss, Tolerance);
        Assert.Equal(0.25, metrics.Brier, Tolerance);
    }

    [Fact]
    public void Compute_OneClassOnly_AucIsNull()
    {
        var metrics = Compute([1, 1, 1], [0.9, 0.2, 0.6], [1, 0, 1]);

        Assert.Null(metrics.RocAuc);
        Assert.Equal(3, metrics.Positives);
    }

    [Fact]
    public void Compute_ConfidentMistakes_LogLossIsClippedLikeScikitLearn()
    {
        var metrics = Compute([1, 0], [0.0, 1.0], [0, 1]);

        Assert.Equal(-(Math.Log(1e-15) + Math.Log(1 - (1 - 1e-15))) / 2, metrics.LogLoss, 1e-12);
        Assert.True(double.IsFinite(metrics.LogLoss));
        Assert.Equal(1.0, metrics.Brier);
    }

    [Fact]
    public void Compute_RandomScores_MatchesMlNetWithLogLossInNats()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var probability = (float)random.NextDouble();
            var label = random.NextDouble() < probability;
            // ML.NET thresholds the raw score at 0 for accuracy, so the score is the logit of the probability.
            var score = (float)Math.Log(probability / (1 - probability));
            return new MlNetRow { Label = label, Score = score, Probability = probability, PredictedLabel = score > 0 };
        }).ToArray();

        var ours = MetricsCalculator.Compute(
            [.. rows.Select(r => r.Label)], [.. rows.Select(r => (double)r.Probability)], [.. rows.Select(r => r.PredictedLabel)], "1", "0");
        var context = new MLContext(seed: 1);
        var theirs = context.BinaryClassification.Evaluate(context.Data.LoadFromEnumerable(rows));

        Assert.Equal(theirs.Accuracy, ours.Accuracy, 1e-9);
        Assert.Equal(theirs.PositivePrecision, ours.Precision, 1e-9);
        Assert.Equal(theirs.PositiveRecall, ours.Recall, 1e-9);
        Assert.Equal(theirs.F1Score, ours.F1, 1e-9);
        Assert.Equal(theirs.AreaUnderRocCurve, ours.RocAuc!.Value, 1e-9);
        Assert.Equal(theirs.LogLoss * Math.Log(2), ours.LogLoss, 1e-6);
        Assert.True(Math.Abs(theirs.LogLoss - ours.LogLoss) > 1e-3, "ML.NET reports bits, Gangway nats.");
    }

    private sealed class MlNetRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
