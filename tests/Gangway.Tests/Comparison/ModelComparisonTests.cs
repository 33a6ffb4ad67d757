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
        Assert.Equal(2, report.Verdicts.Count);
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
    public void ToJson_NamesTheTestsAndVerdicts()
    {
        var text = ModelComparison.Compare(Baseline, Titanic, new CsvFileSource(TitanicFiles.Validation), 0.9).ToJson();
        var json = JsonNode.Parse(text)!;

        Assert.Equal("baseline", json["a"]!.GetValue<string>());
        Assert.Equal(0.9, json["confidence"]!.GetValue<double>());
        Assert.Equal("delong", json["metrics"]!["roc_auc"]!["test"]!.GetValue<string>());
        Assert.Equal(2, json["metrics"]!["accuracy"]!["interval"]!.AsArray().Count);
        Assert.Null(json["metrics"]!["brier"]!["test"]);
        Assert.NotNull(json["delong"]!["standard_error"]);
        Assert.Equal(2, json["verdicts"]!.AsArray().Count);
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
