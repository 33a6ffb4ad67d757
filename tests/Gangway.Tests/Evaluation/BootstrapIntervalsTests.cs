using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class BootstrapIntervalsTests
{
    [Fact]
    public void Of_KnownAccuracy_95PercentIntervalCoversTheTruthIn93To97PercentOfRepetitions()
    {
        // Each row is classified correctly with probability 0.8 whatever its class, so the true accuracy is 0.8.
        const double TrueAccuracy = 0.8;
        const int Repetitions = 1000;
        var options = new BootstrapOptions { Resamples = 200, Confidence = 0.95 };
        var random = new Random(2026);
        var covered = 0;
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            var actual = Enumerable.Range(0, 100).Select(_ => random.NextDouble() < 0.4).ToArray();
            var predicted = actual.Select(a => random.NextDouble() < TrueAccuracy ? a : !a).ToArray();
            var probability = predicted.Select(p => p ? 0.7 : 0.3).ToArray();
            var replicates = BootstrapIntervals.Replicates(actual, [(probability, predicted)], [], 1, options with { Seed = repetition });
            var accuracy = BootstrapIntervals.Of(replicates[0], 0, 1, options).Intervals["accuracy"];
            covered += accuracy.Lower <= TrueAccuracy && TrueAccuracy <= accuracy.Upper ? 1 : 0;
        }

        Assert.InRange(covered, 930, 970);
    }

    [Fact]
    public void Replicates_RepeatedRows_GiveTheIntervalsOfTheSameRowsResampledOneByOne()
    {
        // 40 distinct rows on a coarse score grid, each repeated 1 to 19 times, wrong ones less often than right ones.
        var random = new Random(8);
        var rows = Enumerable.Range(0, 40).Select(_ =>
        {
            var probability = Math.Round(random.NextDouble() * 10) / 10;
            var actual = random.NextDouble() < probability;
            var predicted = probability >= 0.5;
            return (actual, probability, predicted, repeats: actual == predicted ? random.Next(8, 20) : random.Next(1, 4));
        }).SelectMany(r => Enumerable.Repeat(r, r.repeats)).ToArray();
        bool[] actual = [.. rows.Select(r => r.actual)];
        double[] probability = [.. rows.Select(r => r.probability)];
        bool[] predicted = [.. rows.Select(r => r.predicted)];
        var options = new BootstrapOptions { Resamples = 1000, Seed = 3 };

        var repeated = BootstrapIntervals.Of(BootstrapIntervals.Replicates(actual, [(probability, predicted)], [], 1, options)[0], 0, 1, options);
        // A grouping that gives each row a group of its own makes every row distinct, so rows are resampled one by one.
        int[] ownGroup = [.. Enumerable.Range(1, rows.Length)];
        var oneByOne = BootstrapIntervals.Of(BootstrapIntervals.Replicates(actual, [(probability, predicted)], [ownGroup], rows.Length + 1, options)[0], 0, rows.Length + 1, options);

        foreach (var (name, _) in Metrics.Scalars)
        {
            Assert.InRange(repeated.Intervals[name].Lower, oneByOne.Intervals[name].Lower - 0.02, oneByOne.Intervals[name].Lower + 0.02);
            Assert.InRange(repeated.Intervals[name].Upper, oneByOne.Intervals[name].Upper - 0.02, oneByOne.Intervals[name].Upper + 0.02);
        }
    }

    [Fact]
    public void Evaluate_WithBootstrap_IntervalsSurroundEachMetric_AndSameSeedGivesSameIntervals()
    {
        var report = Evaluate(Scored(300), seed: 5);
        var again = Evaluate(Scored(300), seed: 5);
        var other = Evaluate(Scored(300), seed: 6);

        var intervals = report.Intervals!.Intervals;
        Assert.Equal(WeightedMetrics.Names.Order(), intervals.Keys.Order());
        Assert.True(intervals["expected_calibration_error"].Upper > intervals["expected_calibration_error"].Lower);
        foreach (var (name, value) in Metrics.Scalars)
        {
            Assert.InRange(value(report.Overall)!.Value, intervals[name].Lower, intervals[name].Upper);
            Assert.True(intervals[name].Upper > intervals[name].Lower, name);
        }

        Assert.Equal(intervals, again.Intervals!.Intervals);
        Assert.NotEqual(intervals["accuracy"], other.Intervals!.Intervals["accuracy"]);
    }

    [Fact]
    public void Evaluate_SmallSlice_SaysSoInsteadOfAnInterval()
    {
        var report = Evaluate(Scored(300), seed: 1);

        var small = report.Slices.Single(s => s.Value == "rare");
        var large = report.Slices.Single(s => s.Value == "common");
        Assert.Empty(small.Intervals!.Intervals);
        Assert.Equal("10 rows: too few for a confidence interval (at least 30)", small.Intervals.Note);
        Assert.Null(large.Intervals!.Note);
        Assert.InRange(large.Metrics.Accuracy, large.Intervals.Intervals["accuracy"].Lower, large.Intervals.Intervals["accuracy"].Upper);

        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(2, json["confidence_intervals"]!["roc_auc"]!.AsArray().Count);
        Assert.Equal(0.9, json["confidence_level"]!.GetValue<double>());
        Assert.NotNull(json["slices"]!["Group"]!["common"]!["confidence_intervals"]!["accuracy"]);
        Assert.Null(json["slices"]!["Group"]!["rare"]!["confidence_intervals"]);
        Assert.Equal(small.Intervals.Note, json["slices"]!["Group"]!["rare"]!["confidence_note"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_WithoutBootstrap_HasNoIntervals()
    {
        var report = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions { LabelColumn = "Survived", PositiveClass = "1" }).Evaluate(Scored(50));

        Assert.Null(report.Intervals);
        Assert.Null(JsonNode.Parse(report.ToJson())!["confidence_intervals"]);
    }

    [Theory]
    [InlineData(5, 0.95)]
    [InlineData(100, 1.0)]
    [InlineData(100, 0)]
    public void Evaluator_BadBootstrapOptions_Throw(int resamples, double confidence)
    {
        var error = Assert.Throws<GangwayException>(() => new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = "Survived",
            PositiveClass = "1",
            Bootstrap = new BootstrapOptions { Resamples = resamples, Confidence = confidence },
        }));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }

    private static BinaryClassificationReport Evaluate(Table scored, int seed) =>
        new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = "Survived",
            PositiveClass = "1",
            SliceColumns = ["Group"],
            Bootstrap = new BootstrapOptions { Resamples = 300, Confidence = 0.9, Seed = seed },
        }).Evaluate(scored);

    private static Table Scored(int rows)
    {
        var random = new Random(3);
        var probability = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var actual = probability.Select(p => random.NextDouble() < p ? 1.0 : 0.0).ToArray();
        return new Table(
            new NumericColumn("Survived", actual),
            new NumericColumn("probability", probability),
            new NumericColumn("prediction", [.. probability.Select(p => p >= 0.5 ? 1.0 : 0.0)]),
            new TextColumn("Group", [.. Enumerable.Range(0, rows).Select(i => i < 10 ? "rare" : "common")]));
    }
}
