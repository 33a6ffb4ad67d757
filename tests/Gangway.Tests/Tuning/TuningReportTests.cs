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

    private static readonly TuningGrid OneSeGrid = Grid with { Selection = SelectionRule.OneStandardError };

    [Fact]
    public void Chosen_OneSeWithASimplerCandidateWithinOneStandardError_IsTheSimplerOne()
    {
        // Candidate 3 (30 trees) is best at 0.85; its corrected SE over 4 folds (k = 4) is sqrt((1/4 + 1/3) · s²) = 0.0187;
        // candidate 1 (10 trees) at 0.84 is within, candidate 2 (20 trees) at 0.80 is not.
        var results = new[] { Result(1, 0.82, 0.86, 0.84, 0.84), Result(2, 0.80, 0.80, 0.80, 0.80), Result(3, 0.82, 0.88, 0.85, 0.85) };
        var order = SimplicityOrder.For(Spec with { Learner = Spec.Learner with { Name = "fast_tree" } }, OneSeGrid);

        var report = new TuningReport(OneSeGrid, 42, results, order);

        Assert.Equal(3, report.Best.Candidate.Number);
        Assert.Equal(1, report.Chosen.Candidate.Number);
        var error = Math.Sqrt(((1.0 / 4) + (1.0 / 3)) * (0.0018 / 3));
        Assert.Equal(0.85 - error, report.Threshold!.Value, 1e-9);
        Assert.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"candidate 1: simplest within 1 SE of best 0.8500 ± {error:0.0000} (candidate 3; 2 of 3 within), by smaller learner.trees, then fewer items in features[0].columns, then grid order"), report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chosen_OneSeWithNoOtherCandidateWithinOneStandardError_IsTheBest()
    {
        var results = new[] { Result(1, 0.70, 0.71, 0.70, 0.71), Result(2, 0.80, 0.80, 0.80, 0.80), Result(3, 0.84, 0.86, 0.85, 0.85) };
        var order = SimplicityOrder.For(Spec with { Learner = Spec.Learner with { Name = "fast_tree" } }, OneSeGrid);

        var report = new TuningReport(OneSeGrid, 42, results, order);

        Assert.Equal(3, report.Chosen.Candidate.Number);
        Assert.Same(report.Best, report.Chosen);
        Assert.Contains("(candidate 3; 1 of 3 within)", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chosen_OneSeWithoutASimplicityOrder_TakesTheEarliestWithinAndSaysSo()
    {
        var results = new[] { Result(1, 0.70, 0.71, 0.70, 0.71), Result(2, 0.845, 0.845, 0.845, 0.845), Result(3, 0.84, 0.86, 0.85, 0.85) };

        var report = new TuningReport(OneSeGrid, 42, results);

        Assert.Equal(2, report.Chosen.Candidate.Number);
        Assert.Contains("by grid order (no tuned parameter has a declared simplicity)", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chosen_BestRule_IsTheBestAndTheJsonSaysWhy()
    {
        var report = new TuningReport(Grid, 42, [Result(1, 0.82, 0.86, 0.84, 0.84), Result(2, 0.82, 0.88, 0.85, 0.85)]);

        Assert.Same(report.Best, report.Chosen);
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(2, (int)json["chosen"]!);
        Assert.Equal("best", (string?)json["selection"]!["rule"]);
        Assert.Equal("candidate 2: best mean roc_auc 0.8500", (string?)json["selection"]!["reason"]);
        Assert.Null(json["selection"]!["threshold"]);
        Assert.Equal(1, (int)json["repeats"]!);
        Assert.Equal(2, json["candidates"]![1]!["interval"]!.AsArray().Count);
        Assert.NotNull(json["candidates"]![1]!["std_error"]);
    }
}
