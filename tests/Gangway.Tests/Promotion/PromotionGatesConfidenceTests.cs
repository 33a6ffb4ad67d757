using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Promotion;
using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Promotion;

/// <summary>Gates judged at a confidence level (minimum, no_regression, slices) and the beats gate, on the Titanic example.</summary>
public class PromotionGatesConfidenceTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly PromotionSpec TitanicGates = ModelSpecReader.ReadFile(TitanicFiles.TitanicSpec).Promotion!;

    private Table Validation => PromotionData.Read(TitanicGates, TitanicFiles.Folder, trained.Titanic, trained.Baseline);

    private static PromotionSpec Gates(Func<PromotionSpec, PromotionSpec> change) => change(new PromotionSpec { Data = "data/validation.csv" });

    // The interval 'gangway evaluate' prints for the model at that level: the same seed (the spec's) and resamples.
    private ConfidenceInterval EvaluatedInterval(Gangway.Bundles.ModelBundle bundle, string metric, double confidence = 0.95) =>
        BundleEvaluator.Evaluate(bundle, Validation, sliceColumns: [], new BootstrapOptions { Confidence = confidence }).Intervals!.Intervals[metric];

    [Fact]
    public void Evaluate_MinimumBetweenLowerBoundAndPointEstimate_PassesWithoutConfidenceAndFailsWithIt()
    {
        var value = BundleEvaluator.Evaluate(trained.Titanic, Validation).Overall.RocAuc!.Value;
        var interval = EvaluatedInterval(trained.Titanic, "roc_auc");
        var threshold = (interval.Lower + value) / 2;
        var point = Gates(g => g with { Minimum = [new MetricThreshold("roc_auc", threshold)] });
        var confident = point with { MinimumConfidence = 0.95 };

        var onPoint = Assert.Single(PromotionGates.Evaluate(trained.Titanic, null, Validation, point).Results);
        var onBound = Assert.Single(PromotionGates.Evaluate(trained.Titanic, null, Validation, confident).Results);

        Assert.True(interval.Lower < threshold && threshold < value, $"{interval} {value}");
        Assert.True(onPoint.Passed);
        Assert.Null(onPoint.Interval);
        Assert.False(onBound.Passed);
        Assert.Equal(interval, onBound.Interval);
        Assert.Equal((0.95, "bootstrap", value), (onBound.Confidence!.Value, onBound.Test, onBound.Value!.Value));
    }

    [Fact]
    public void Evaluate_MinimumBelowTheLowerBound_PassesWithConfidenceFromThePromotionLevel()
    {
        var interval = EvaluatedInterval(trained.Titanic, "roc_auc", 0.9);
        var gates = Gates(g => g with { Confidence = 0.9, Minimum = [new MetricThreshold("roc_auc", interval.Lower - 0.001)] });

        var result = Assert.Single(PromotionGates.Evaluate(trained.Titanic, null, Validation, gates).Results);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(interval, result.Interval);
        Assert.Equal(0.9, result.Confidence);
    }

    [Fact]
    public void Evaluate_LogLossWithConfidence_IsJudgedOnTheUpperBound()
    {
        var value = BundleEvaluator.Evaluate(trained.Titanic, Validation).Overall.LogLoss;
        var interval = EvaluatedInterval(trained.Titanic, "log_loss");
        var between = (value + interval.Upper) / 2;
        var gates = Gates(g => g with
        {
            MinimumConfidence = 0.95,
            Minimum = [new MetricThreshold("log_loss", between), new MetricThreshold("log_loss", interval.Upper + 0.001)],
        });

        var results = PromotionGates.Evaluate(trained.Titanic, null, Validation, gates).Results;

        Assert.Equal([false, true], results.Select(r => r.Passed));
    }

    [Fact]
    public void Evaluate_SliceWithConfidence_UsesTheSliceIntervalAndFailsASliceTooSmallForOneSayingSo()
    {
        // All men, 20 women: the women's group is below BootstrapOptions.MinimumRows.
        var all = Validation;
        var sex = all.GetText("Sex");
        var women = Enumerable.Range(0, all.RowCount).Where(r => sex[r] == "female").Take(20);
        var data = all.Take([.. Enumerable.Range(0, all.RowCount).Where(r => sex[r] == "male").Concat(women).Order()]);
        var slice = new SliceGate("Sex", [new MetricThreshold("accuracy", 0.5)]);
        var male = BundleEvaluator.Evaluate(trained.Titanic, data, sliceColumns: ["Sex"], new BootstrapOptions()).Slices.Single(s => s.Value == "male").Intervals!.Intervals["accuracy"];

        var point = PromotionGates.Evaluate(trained.Titanic, null, data, Gates(g => g with { Slices = [slice] })).Results;
        var confident = PromotionGates.Evaluate(trained.Titanic, null, data, Gates(g => g with { Slices = [slice with { Confidence = 0.95 }] })).Results;

        Assert.All(point, r => Assert.True(r.Passed, r.ToString()));
        var female = Assert.Single(confident, r => r.Subject == "Sex=female accuracy");
        Assert.False(female.Passed);
        Assert.Null(female.Interval);
        Assert.Contains("20 rows: too few for a confidence interval (at least 30)", female.Note, StringComparison.Ordinal);
        var men = Assert.Single(confident, r => r.Subject == "Sex=male accuracy");
        Assert.True(men.Passed, men.ToString());
        Assert.Equal(male, men.Interval);
    }

    [Fact]
    public void Evaluate_NoRegressionWithConfidence_FailsOnlyWhenTheWholePairedIntervalIsBeyondTheTolerance()
    {
        // Accuracy: the notebook's model is surely worse than titanic on it (on ROC AUC, 179 rows cannot show it).
        var gate = new NoRegressionGate("accuracy", 0) { Confidence = 0.95 };
        var probe = Assert.Single(PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, Gates(g => g with { NoRegression = gate })).Results);
        var (difference, interval) = (probe.Difference!.Value, probe.Interval!);
        Assert.True(interval.Lower <= difference && difference <= interval.Upper && interval.Upper < 0, $"{difference} {interval}");

        // Worse on the point estimate by more than the tolerance, but not with 95% confidence: passes with, fails without.
        var tolerance = (-difference - interval.Upper) / 2;
        Assert.True(tolerance > 0 && difference < -tolerance && interval.Upper > -tolerance);
        var lenient = PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, Gates(g => g with { NoRegression = gate with { Tolerance = tolerance } })).Results[0];
        var onPoint = PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, Gates(g => g with { NoRegression = new NoRegressionGate("accuracy", tolerance) })).Results[0];
        // Worse by more than the tolerance even at the interval's upper end: fails.
        var strict = PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, Gates(g => g with { NoRegression = gate with { Tolerance = -interval.Upper / 2 } })).Results[0];

        Assert.True(lenient.Passed, lenient.ToString());
        Assert.False(onPoint.Passed);
        Assert.False(strict.Passed, strict.ToString());
        Assert.Equal(probe.Value!.Value - probe.CurrentValue!.Value, difference, 12);
        Assert.Equal("paired bootstrap", probe.Test);
    }

    [Fact]
    public void Evaluate_NoRegressionWithConfidence_PairsTheVersionsOnTheSameResamples()
    {
        // A version against itself differs by exactly 0 in every resample; unpaired resamples would spread around 0.
        var gates = Gates(g => g with { NoRegression = new NoRegressionGate("accuracy", 0) { Confidence = 0.95 } });

        var result = Assert.Single(PromotionGates.Evaluate(trained.Titanic, trained.Titanic, Validation, gates).Results);

        Assert.Equal(new ConfidenceInterval(0, 0), result.Interval);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Evaluate_BeatsWomenSurviveOnRocAuc_PassesWithDeLongsPValueOfTheSameRows()
    {
        var data = Validation;
        var actual = data.GetNumeric("Survived").Values.ToArray().Select(v => v == 1).ToArray();
        var women = data.GetText("Sex").Values.ToArray().Select(s => s == "female" ? 1.0 : 0.0).ToArray();
        var titanic = trained.Titanic.Model.Transform(data).GetNumeric("probability").Values.ToArray();
        var delong = DeLongTest.Compare(actual, women, titanic);
        var gates = Gates(g => g with { Beats = new BeatsGate(["women_survive"]) });

        var result = Assert.Single(PromotionGates.Evaluate(trained.Titanic, null, data, gates).Results);

        Assert.Equal((GateKind.Beats, "women_survive roc_auc", "women_survive", "delong"), (result.Kind, result.Subject, result.Reference, result.Test));
        Assert.Equal(delong.PValue, result.PValue!.Value, 12);
        Assert.Equal(delong.Difference, result.Difference!.Value, 12);
        Assert.Equal(new ConfidenceInterval(delong.Lower, delong.Upper), result.Interval);
        Assert.True(delong.PValue < 0.05 && delong.Difference > 0, $"p {delong.PValue}");
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Evaluate_BeatsAModelThatIsNotSignificantlyWorse_Fails()
    {
        // The version against itself: the same AUC, p = 1.
        var gates = Gates(g => g with { Beats = new BeatsGate([BeatsGate.Champion]) });

        var result = Assert.Single(PromotionGates.Evaluate(trained.Titanic, trained.Titanic, Validation, gates).Results);

        Assert.False(result.Passed);
        Assert.Equal(1, result.PValue);
        Assert.Equal("no detectable difference", result.Note);
    }

    [Fact]
    public void Evaluate_BeatsTheChampionWithoutACurrentVersion_IsSkippedWithANote()
    {
        var gates = Gates(g => g with { Beats = new BeatsGate(["women_survive", BeatsGate.Champion]) });

        var results = PromotionGates.Evaluate(trained.Titanic, null, Validation, gates).Results;

        var champion = Assert.Single(results, r => r.Reference == BeatsGate.Champion);
        Assert.True(champion.Passed);
        Assert.Equal("skipped: no current version", champion.Note);
        Assert.Null(champion.PValue);
    }

    [Fact]
    public void Evaluate_BeatsOnAMetricWithoutATest_IsJudgedByThePairedBootstrapInterval()
    {
        var gates = Gates(g => g with { Beats = new BeatsGate([MajorityClassBaseline.DefaultName, "women_survive"], "brier") { Confidence = 0.9 } });

        var results = PromotionGates.Evaluate(trained.Titanic, null, Validation, gates).Results;

        Assert.All(results, r => Assert.Equal(("paired bootstrap", 0.9), (r.Test, r.Confidence!.Value)));
        Assert.All(results, r => Assert.Null(r.PValue));
        Assert.All(results, r => Assert.Equal(r.Interval!.Upper < 0, r.Passed));
        Assert.All(results, r => Assert.Equal(r.Value!.Value - r.CurrentValue!.Value, r.Difference!.Value, 12));
    }

    [Fact]
    public void Evaluate_BaselineDoesNotBeatTheChampion_AndTheReportShowsTheIntervalAndTest()
    {
        var gates = Gates(g => g with { Beats = new BeatsGate([BeatsGate.Champion], "accuracy") });

        var report = PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, gates);

        var result = Assert.Single(report.Results);
        Assert.False(result.Passed);
        Assert.Equal("mcnemar", result.Test);
        var line = Assert.Single(report.Describe().Split('\n'), l => l.StartsWith("✗ beats champion accuracy: ", StringComparison.Ordinal));
        Assert.Contains("95% interval [", line, StringComparison.Ordinal);
        Assert.Contains(", mcnemar p ", line, StringComparison.Ordinal);
        Assert.Contains("(needs the candidate better at 95%)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithoutConfidence_ReportsExactlyAsBefore()
    {
        var gates = TitanicGates with { Confidence = null, Beats = null, Upsell = null };

        var report = PromotionGates.Evaluate(trained.Baseline, trained.Titanic, Validation, gates, TitanicFiles.Folder);

        Assert.All(report.Results, r => Assert.Null(r.Confidence));
        Assert.All(report.Results, r => Assert.Null(r.Interval));
        Assert.DoesNotContain("interval", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BeatsAnUnknownNameInACodeBuiltSpec_ListsTheNamesItMayUse()
    {
        var gates = Gates(g => g with { Beats = new BeatsGate(["men_survive"]) });

        var ex = Assert.Throws<GangwayException>(() => PromotionGates.Evaluate(trained.Titanic, null, Validation, gates));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("beats names 'men_survive'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("known: women_survive, majority_class, champion", ex.Message, StringComparison.Ordinal);
    }
}
