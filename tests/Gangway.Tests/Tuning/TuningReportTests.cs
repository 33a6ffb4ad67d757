using System.Text.Json.Nodes;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class TuningReportTests
{
    private static readonly ModelSpec Spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);

    private static readonly TuningGrid Grid = new()
    {
        Metric = "roc_auc",
        Parameters = [new TuningParameter("learner.trees", ["10", "20", "30"]), new TuningParameter("features[0].columns", [new List<object?> { "Sex" }])],
    };

    private static CandidateResult Result(int number, params double?[] aucs)
    {
        var folds = aucs.Select(auc => new Metrics(0.8, 0.7, 0.6, 0.65, auc, 0.4, 0.1, new ConfusionMatrix(6, 2, 10, 4, "1", "0"), [], 22, 10));
        var report = new CrossValidationReport(folds);
        var candidate = new TuningCandidate(number, [new("learner.trees", (number * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("features[0].columns", new List<object?> { "Sex" })]);
        return new CandidateResult(candidate, Spec, report, report.Summary("roc_auc"));
    }

    [Fact]
    public void Best_EqualMeans_GoesToTheEarlierCandidate()
    {
        var report = new TuningReport(Grid, 42, [Result(1, 0.7, 0.8), Result(2, 0.8, 0.8), Result(3, 0.9, 0.7)]);

        Assert.Equal(2, report.Best.Candidate.Number);
    }

    [Fact]
    public void Best_MetricUndefinedForSomeCandidates_IgnoresThem()
    {
        var report = new TuningReport(Grid, 42, [Result(1, null, null), Result(2, 0.6, 0.6)]);

        Assert.Equal(2, report.Best.Candidate.Number);
    }

    [Fact]
    public void Constructor_MetricUndefinedEverywhere_SaysNoCandidateCanBeChosen()
    {
        var ex = Assert.Throws<GangwayException>(() => new TuningReport(Grid, 42, [Result(1, null, null)]));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Metric 'roc_auc' is undefined in every fold of every candidate, so no candidate can be chosen.", ex.Message);
    }

    [Fact]
    public void ToJson_ListsCandidatesWithParametersScoresAndTheBest()
    {
        var report = new TuningReport(Grid, 7, [Result(1, 0.7, 0.8), Result(2, 0.9, 0.9)]);

        var json = JsonNode.Parse(report.ToJson())!;

        Assert.Equal("roc_auc", (string?)json["metric"]);
        Assert.False((bool)json["lower_is_better"]!);
        Assert.Equal("grid", (string?)json["search"]);
        Assert.Equal(7, (int)json["fold_seed"]!);
        Assert.Equal(2, (int)json["best"]!);
        var first = json["candidates"]![0]!;
        Assert.Equal("10", (string?)first["parameters"]!["learner.trees"]);
        Assert.Equal("Sex", (string?)first["parameters"]!["features[0].columns"]![0]);
        Assert.Equal(0.75, (double)first["mean"]!, 10);
        Assert.Equal(0.05, (double)first["std"]!, 10);
        Assert.Equal(2, json["candidates"]![1]!["cross_validation"]!["per_fold"]!.AsArray().Count);
    }
}
