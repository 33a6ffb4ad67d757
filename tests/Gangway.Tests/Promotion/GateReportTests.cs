using Gangway.Evaluation;
using Gangway.Promotion;

namespace Gangway.Tests.Promotion;

public class GateReportTests
{
    private static readonly GateReport Mixed = new(
    [
        new GateResult(GateKind.Minimum, "roc_auc", 0.84816, 0.88, false),
        new GateResult(GateKind.Minimum, "log_loss", 0.43, 0.5, true) { AtMost = true },
        new GateResult(GateKind.NoRegression, "roc_auc", 0.84816, 0.90153, false) { CurrentValue = 0.91153 },
        new GateResult(GateKind.NoRegression, "brier", 0.2, null, true) { AtMost = true, Note = "skipped: no current version" },
        new GateResult(GateKind.Slice, "Sex=female roc_auc", null, 0.5, false) { Note = "one class only in 62 rows" },
        new GateResult(GateKind.Fairness, "Sex true_positive_rate", 1, 0.65, false)
        {
            AtMost = true,
            Groups = [new GroupValue("female", 1, 62), new GroupValue("male", 0, 117)],
        },
    ]);

    [Fact]
    public void Describe_MixedResults_WritesOneLinePerCheckWithFourDecimals()
    {
        var expected = """
            Promotion gates: FAILED (4 of 6 checks failed)
            ✗ minimum roc_auc: 0.8482 (needs ≥ 0.8800)
            ✓ minimum log_loss: 0.4300 (needs ≤ 0.5000)
            ✗ no_regression roc_auc: 0.8482 (needs ≥ 0.9015: current 0.9115 − tolerance 0.0100)
            ✓ no_regression brier: 0.2000; skipped: no current version
            ✗ slice Sex=female roc_auc: undefined (needs ≥ 0.5000); one class only in 62 rows
            ✗ fairness Sex true_positive_rate: gap 1.0000 (needs ≤ 0.6500; female 1.0000, male 0.0000)

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Mixed.Describe());
    }

    [Fact]
    public void Passed_AnyFailure_IsFalseAndFailuresListsThem()
    {
        Assert.False(Mixed.Passed);
        Assert.Equal(["roc_auc", "roc_auc", "Sex=female roc_auc", "Sex true_positive_rate"], Mixed.Failures.Select(f => f.Subject));
    }

    [Fact]
    public void Describe_AllPassed_SaysSoOnTheFirstLine()
    {
        var report = new GateReport([new GateResult(GateKind.Minimum, "accuracy", 0.9, 0.8, true)]);

        Assert.True(report.Passed);
        Assert.Equal("Promotion gates: passed (1 checks)\n✓ minimum accuracy: 0.9000 (needs ≥ 0.8000)\n", report.Describe());
    }

    [Fact]
    public void Describe_ChecksJudgedAtAConfidenceLevel_GiveTheirIntervalAndTest()
    {
        var report = new GateReport(
        [
            new GateResult(GateKind.Minimum, "roc_auc", 0.9115, 0.85, true) { Confidence = 0.95, Interval = new ConfidenceInterval(0.8650, 0.9480), Test = "bootstrap" },
            new GateResult(GateKind.Minimum, "brier", 0.13, 0.14, false) { AtMost = true, Confidence = 0.9, Interval = new ConfidenceInterval(0.11, 0.155), Test = "bootstrap" },
            new GateResult(GateKind.Slice, "Sex=female accuracy", 0.75, 0.7, false) { Confidence = 0.95, Note = "no interval: 20 rows: too few for a confidence interval (at least 30); a gate with a confidence level cannot pass without one" },
            new GateResult(GateKind.NoRegression, "roc_auc", 0.8482, 0.9015, true)
            {
                CurrentValue = 0.9115, Difference = -0.0633, Confidence = 0.95, Interval = new ConfidenceInterval(-0.1, -0.005), Test = "paired bootstrap",
            },
            new GateResult(GateKind.Beats, "women_survive roc_auc", 0.9115, null, true)
            {
                Reference = "women_survive", CurrentValue = 0.767, Difference = 0.1445, Confidence = 0.95, Interval = new ConfidenceInterval(0.09, 0.2), Test = "delong", PValue = 0.00001,
            },
            new GateResult(GateKind.Beats, "champion roc_auc", 0.9115, null, true) { Reference = "champion", Confidence = 0.95, Note = "skipped: no current version" },
        ]);

        var expected = """
            Promotion gates: FAILED (2 of 6 checks failed)
            ✓ minimum roc_auc: 0.9115, 95% interval [0.8650, 0.9480] (needs 95% lower bound ≥ 0.8500; bootstrap)
            ✗ minimum brier: 0.1300, 90% interval [0.1100, 0.1550] (needs 90% upper bound ≤ 0.1400; bootstrap)
            ✗ slice Sex=female accuracy: 0.7500 (needs 95% lower bound ≥ 0.7000); no interval: 20 rows: too few for a confidence interval (at least 30); a gate with a confidence level cannot pass without one
            ✓ no_regression roc_auc: 0.8482 vs current 0.9115, difference −0.0633, 95% interval [−0.1000, −0.0050] (fails if the 95% upper bound < −0.0100; paired bootstrap)
            ✓ beats women_survive roc_auc: 0.9115 vs 0.7670, difference +0.1445, 95% interval [+0.0900, +0.2000], delong p < 0.001 (needs the candidate better at 95%)
            ✓ beats champion roc_auc: 0.9115 (needs the candidate better at 95%); skipped: no current version

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), report.Describe());
    }
}
