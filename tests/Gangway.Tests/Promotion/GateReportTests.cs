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
}
