using Gangway.Data;
using Gangway.Monitoring;
using Gangway.Monitoring.Drift;

namespace Gangway.Tests.Monitoring.Drift;

public class DriftDetectorTests
{
    private static readonly Table Reference = new(
        new NumericColumn("Age", [.. Enumerable.Range(0, 40).Select(i => 20.0 + i)]),
        new NumericColumn("Pclass", [.. Enumerable.Range(0, 40).Select(i => 1.0 + i % 3)]),
        new TextColumn("Sex", [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "male" : "female")]));

    [Fact]
    public void Compare_SmallSample_UsesKsForNumbersAndChi2ForCategoriesAndFewDistinctNumbers()
    {
        var report = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference));

        Assert.Equal(("ks", DriftColumnKind.Numeric), (report["Age"].Method, report["Age"].ComparedAs));
        Assert.Equal(("chi2", DriftColumnKind.Categorical), (report["Pclass"].Method, report["Pclass"].ComparedAs));
        Assert.Equal("chi2", report["Sex"].Method);
        Assert.Equal(["ks", "wasserstein", "psi", "jensen_shannon"], report["Age"].Statistics.Select(s => s.Method));
        Assert.Equal(["psi", "chi2", "jensen_shannon"], report["Sex"].Statistics.Select(s => s.Method));
        Assert.False(report.Drifted);
        Assert.Equal(0, report.DriftedCount);
    }

    [Fact]
    public void Compare_LargeSample_UsesTheDistances()
    {
        var large = Reference.Take([.. Enumerable.Range(0, 1_200).Select(i => i % 40)]);

        var report = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(large));

        Assert.Equal("wasserstein", report["Age"].Method);
        Assert.Equal("jensen_shannon", report["Pclass"].Method);
        Assert.Equal(0, report["Age"].Statistic.Value!.Value, 12);
    }

    [Fact]
    public void Compare_ShiftedColumn_DriftsItAndTheDataSetAtTheShare()
    {
        var current = Reference.With(new NumericColumn("Age", [.. Enumerable.Range(0, 40).Select(i => 45.0 + i)]));

        var atHalf = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(current));
        var atThird = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(current), new DriftOptions { Share = 0.3 });

        Assert.True(atHalf["Age"].Drifted);
        Assert.Equal(1, atHalf.DriftedCount);
        Assert.Equal(1.0 / 3, atHalf.Share, 12);
        Assert.False(atHalf.Drifted);
        Assert.True(atThird.Drifted);
    }

    [Fact]
    public void Compare_ForcedMethodAndThreshold_DecideTheColumn()
    {
        var current = Reference.With(new NumericColumn("Age", [.. Enumerable.Range(0, 40).Select(i => 22.0 + i)]));
        var options = new DriftOptions
        {
            Columns = new Dictionary<string, ColumnDriftOptions>
            {
                ["Age"] = new("psi", 0.25),
                ["Pclass"] = new("ks"),
                ["Sex"] = new(Threshold: 0.5),
            },
        };

        var report = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(current), options);

        Assert.Equal(("psi", 0.25), (report["Age"].Method, report["Age"].Threshold));
        Assert.Equal(report["Age"].Statistics.Single(s => s.Method == "psi"), report["Age"].Statistic);
        Assert.Equal(("ks", DriftColumnKind.Numeric), (report["Pclass"].Method, report["Pclass"].ComparedAs));
        Assert.Equal(("chi2", 0.5), (report["Sex"].Method, report["Sex"].Threshold));
    }

    [Fact]
    public void Compare_NumericTestForcedOnText_ThrowsNamingTheTestsForText()
    {
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["Sex"] = new("wasserstein") } };

        var error = Assert.Throws<GangwayException>(() => DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference), options));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("'Sex'", error.Message, StringComparison.Ordinal);
        Assert.Contains("psi, chi2, jensen_shannon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ColumnMissingInCurrent_IsReportedNotCompared()
    {
        var report = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference.Select(["Age", "Sex"])));

        Assert.Equal(["Pclass"], report.MissingColumns);
        Assert.Equal(["Age", "Sex"], report.Columns.Select(c => c.Column));
    }

    [Fact]
    public void Compare_ColumnNotInReference_ThrowsListingTheReferenceColumns()
    {
        var error = Assert.Throws<GangwayException>(() =>
            DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference), columns: ["Fare"]));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("Age, Pclass, Sex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_EmptyAndAllMissingCurrent_SayNotEnoughDataAndDoNotDrift()
    {
        var allMissing = new Table(
            new NumericColumn("Age", [double.NaN, double.NaN]),
            new NumericColumn("Pclass", [double.NaN, double.NaN]),
            new TextColumn("Sex", [null, null]));

        var empty = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference.Take([])));
        var missing = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(allMissing));

        Assert.All(empty.Columns.Concat(missing.Columns), c => Assert.False(c.Drifted));
        Assert.All(empty.Columns.Concat(missing.Columns), c => Assert.Equal(DriftStatistic.NotEnoughData, c.Statistic.Note));
        Assert.Equal(1.0, missing["Sex"].Current.MissingRate);
        Assert.Equal(0.0, empty["Sex"].Current.MissingRate);
        Assert.False(empty.Drifted);
    }

    [Fact]
    public void Compare_NewCategory_IsReportedWithItsShare()
    {
        var current = Reference.With(new TextColumn("Sex", [.. Enumerable.Range(0, 40).Select(i => i < 10 ? "unknown" : "male")]));

        var report = DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(current));

        Assert.Equal([new NewCategory("unknown", 0.25)], report["Sex"].NewCategories);
        Assert.True(report["Sex"].Drifted);
        Assert.Empty(report["Age"].NewCategories);
    }

    [Fact]
    public void Compare_InvalidShare_Throws()
    {
        var error = Assert.Throws<GangwayException>(() =>
            DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Reference), new DriftOptions { Share = 0 }));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
    }
}
