using System.Text.Json.Nodes;
using Gangway.Comparison;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Comparison;

public class ModelComparisonTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private ComparedModel Baseline => new("baseline", trained.Baseline);

    private ComparedModel Titanic => new("titanic", trained.Titanic);

    [Fact]
    public void Compare_BaselineAndTitanic_ReportsEachModelsEvaluationMetricsAndTheirDifferences()
    {
        var report = ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation));

        var a = BundleEvaluator.Evaluate(trained.Baseline, TitanicFiles.Validation).Overall;
        var b = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation).Overall;
        Assert.Equal((179, "Survived", 0.95), (report.Rows, report.Target, report.Confidence));
        Assert.Equal(Metrics.Scalars.Select(s => s.Name), report.Metrics.Select(m => m.Metric));
        foreach (var (name, value) in Metrics.Scalars)
        {
            var row = report.Metrics.Single(m => m.Metric == name);
            Assert.Equal(value(a), row.First);
            Assert.Equal(value(b), row.Second);
            Assert.Equal((value(b) - value(a))!.Value, row.Difference!.Value, 1e-12);
        }

        Assert.Equal(a.RocAuc!.Value, report.RocAuc!.First, 1e-12);
        Assert.Equal(b.RocAuc!.Value, report.RocAuc.Second, 1e-12);
        Assert.Equal(b.Accuracy - a.Accuracy, report.Accuracy.Difference, 1e-12);
        Assert.Equal(["delong", "mcnemar"], report.Metrics.Where(m => m.Test is not null).Select(m => m.Test).Order());
        Assert.Equal(Metrics.Scalars.Count, report.Verdicts.Count);
    }

    [Fact]
    public void Compare_AModelWithItself_FindsNoDetectableDifference()
    {
        var report = ModelComparison.Compare(Titanic, Titanic, new CsvFileSource(TitanicFiles.Validation));

        Assert.All(report.Metrics, m => Assert.Equal(0, m.Difference));
        Assert.Equal((1.0, 1.0), (report.RocAuc!.PValue, report.Accuracy.PValue));
        Assert.All(report.Verdicts, v => Assert.StartsWith("No detectable difference on ", v, StringComparison.Ordinal));
        Assert.Contains("No detectable difference on roc_auc (titanic - titanic): +0.000 [+0.000, +0.000], p = 1", report.Verdicts);
    }

    [Fact]
    public void Compare_AModelWithItself_HasPairedIntervalsOfExactlyZero()
    {
        var report = ModelComparison.Compare(Titanic, Titanic, new CsvFileSource(TitanicFiles.Validation), resamples: 200);

        Assert.All(report.Metrics, m => Assert.Equal(new ConfidenceInterval(0, 0), m.Interval));
        Assert.All(report.Metrics, m => Assert.Equal(ComparisonOutcome.NoDetectableDifference, m.Outcome));
    }

    [Fact]
    public void Compare_AccuracyInterval_IsThePercentileIntervalOfTheDifferenceOnTheSameStratifiedResamples()
    {
        const int Resamples = 300;
        // A model with a probability per passenger, so no two rows tie in both models' scores and the bootstrap draws
        // row by row (rows that tie everywhere are drawn as one row with a multiplicity, which gives other draws).
        var richSpec = Path.Combine(TitanicFiles.Folder, "titanic-every-column.yaml");
        File.WriteAllText(richSpec, TitanicFiles.WidestCandidateSpecText());
        var rich = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(richSpec, TitanicFiles.Train);
        var data = Gangway.Promotion.PromotionData.Read(new Gangway.Specs.PromotionSpec { Data = TitanicFiles.Validation }, TitanicFiles.Folder, rich, trained.Baseline);
        var actual = data.GetNumeric("Survived").Values.ToArray().Select(v => v == 1).ToArray();
        bool[] Correct(Gangway.Bundles.ModelBundle bundle) =>
            [.. bundle.Model.Transform(data).GetNumeric("prediction").Values.ToArray().Select((p, i) => (p == 1) == actual[i])];
        var (correctA, correctB) = (Correct(trained.Baseline), Correct(rich));
        // Rows in the order the bootstrap draws them: by model A's probability.
        var order = WeightedMetrics.SortedOrder(trained.Baseline.Model.Transform(data).GetNumeric("probability").Values.ToArray());
        var bootstrap = new StratifiedBootstrap([.. order.Select(i => actual[i])], seed: 7);
        var counts = new int[actual.Length];
        var differences = new List<double>();
        for (var k = 0; k < Resamples; k++)
        {
            bootstrap.Fill(k, counts);
            differences.Add(Enumerable.Range(0, counts.Length).Sum(j => counts[j] * ((correctB[order[j]] ? 1.0 : 0) - (correctA[order[j]] ? 1.0 : 0))) / actual.Length);
        }

        differences.Sort();
        double Quantile(double q)
        {
            var position = q * (differences.Count - 1);
            var below = (int)Math.Floor(position);
            return differences[below] + ((position - below) * (differences[Math.Min(below + 1, differences.Count - 1)] - differences[below]));
        }

        var report = ModelComparison.Compare(Baseline, new ComparedModel("rich", rich), new CsvFileSource(TitanicFiles.Validation), 0.9, resamples: Resamples, seed: 7);

        var interval = report.Metrics.Single(m => m.Metric == "accuracy").Interval!;
        Assert.Equal(Quantile(0.05), interval.Lower, 12);
        Assert.Equal(Quantile(0.95), interval.Upper, 12);
        Assert.Equal((300, 7), (report.Resamples, report.Seed!.Value));
    }

    [Fact]
    public void Compare_MetricsWithoutATest_AreJudgedByTheirPairedInterval()
    {
        var report = ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation));

        foreach (var metric in report.Metrics.Where(m => m.Test is null))
        {
            var lowerIsBetter = metric.Metric is "log_loss" or "brier";
            var expected = metric.Interval!.Lower > 0 ? (lowerIsBetter ? ComparisonOutcome.FirstBetter : ComparisonOutcome.SecondBetter)
                : metric.Interval.Upper < 0 ? (lowerIsBetter ? ComparisonOutcome.SecondBetter : ComparisonOutcome.FirstBetter)
                : ComparisonOutcome.NoDetectableDifference;
            Assert.Equal(expected, metric.Outcome);
            Assert.EndsWith(" (paired bootstrap)", metric.Verdict, StringComparison.Ordinal);
        }

        // Titanic's probabilities are better calibrated on these rows than the notebook forest's: a lower log loss.
        Assert.StartsWith("titanic is better on log_loss: -", report.Metrics.Single(m => m.Metric == "log_loss").Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithoutBootstrap_LeavesMetricsWithoutATestUnjudged()
    {
        var report = ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation), resamples: 0);

        Assert.All(report.Metrics, m => Assert.Null(m.Interval));
        Assert.Equal(["accuracy", "roc_auc"], report.Metrics.Where(m => m.Verdict is not null).Select(m => m.Metric));
        Assert.Null(JsonNode.Parse(report.ToJson())!["bootstrap"]);
    }

    [Fact]
    public void ToJson_NamesTheTestsAndVerdicts()
    {
        var text = ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation), 0.9).ToJson();
        var json = JsonNode.Parse(text)!;

        Assert.Equal("baseline", json["a"]!.GetValue<string>());
        Assert.Equal(0.9, json["confidence"]!.GetValue<double>());
        Assert.Equal("delong", json["metrics"]!["roc_auc"]!["test"]!.GetValue<string>());
        Assert.Equal(2, json["metrics"]!["accuracy"]!["test_interval"]!.AsArray().Count);
        Assert.Null(json["metrics"]!["brier"]!["test"]);
        Assert.True(json["metrics"]!["brier"]!["lower"]!.GetValue<double>() < json["metrics"]!["brier"]!["upper"]!.GetValue<double>());
        Assert.Equal(1000, json["bootstrap"]!["resamples"]!.GetValue<int>());
        Assert.NotNull(json["delong"]!["standard_error"]);
        Assert.Equal(Metrics.Scalars.Count, json["verdicts"]!.AsArray().Count);
        Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DataWithoutAColumnOneModelNeeds_NamesThatModelAndColumn()
    {
        using var temp = new TempDirectory();
        var fare = Array.IndexOf(File.ReadLines(TitanicFiles.Validation).First().Split(','), "Fare");
        var path = TitanicFiles.Rewrite(temp, TitanicFiles.Validation, "no-fare.csv", (line, _) => string.Join(',', SplitCsv(line).Where((_, i) => i != fare)));

        var error = Assert.Throws<GangwayException>(() => ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(path)));

        Assert.StartsWith("Model 'titanic': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Fare'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ConfidenceOfOne_IsAConfigurationError()
    {
        var error = Assert.Throws<GangwayException>(() => ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation), 1));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }

    // Titanic names hold quoted commas ("Braund, Mr. Owen Harris"); keep each quoted field whole.
    private static IEnumerable<string> SplitCsv(string line)
    {
        var field = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                yield return field.ToString();
                field.Clear();
                continue;
            }

            field.Append(c);
        }

        yield return field.ToString();
    }
}
