using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Upsell;

namespace Gangway.Tests.Upsell;

public class UpsellCheckTests
{
    private static readonly BootstrapOptions FewResamples = new() { Resamples = 200 };

    [Fact]
    public void Run_KnownModel_GivesTheHandComputedMeansRatesAndGaps()
    {
        var data = TierLookupModel.Reference();

        var report = UpsellCheck.Run(TierLookupModel.Bundle(data), data, bootstrap: FewResamples);

        Assert.Equal(["mid f", "mid m", "high f", "high m"], report.Cells.Select(c => $"{c.Tier} {c.Group}"));
        // mid, women: 10 dip rows at .1 and 30 up rows at .4 moved in; 30 of 40 women in mid are positive.
        AssertCell(report.Cells[0], moved: 40, mean: (10 * 0.1 + 30 * 0.4) / 40, observed: 40, rate: 0.75);
        // mid, men: 35 up at .4 and 5 peak at .7; 10 of 40 positive.
        AssertCell(report.Cells[1], moved: 40, mean: (35 * 0.4 + 5 * 0.7) / 40, observed: 40, rate: 0.25);
        // high, women: low dip .5 (10), low up .6 (30), mid up .6 (40); 36 of 40 positive.
        AssertCell(report.Cells[2], moved: 80, mean: (10 * 0.5 + 70 * 0.6) / 80, observed: 40, rate: 0.9);
        // high, men: everyone moved in gets .6; 20 of 40 positive.
        AssertCell(report.Cells[3], moved: 80, mean: 0.6, observed: 40, rate: 0.5);
        Assert.Equal(-0.425, report.Cells[0].Gap!.Value, 12);
        Assert.Same(report.Cells[0], report.LargestGap);
    }

    [Fact]
    public void Run_KnownModel_CountsRowsWhoseProbabilityFalls()
    {
        var data = TierLookupModel.Reference();

        var report = UpsellCheck.Run(TierLookupModel.Bundle(data), data, bootstrap: FewResamples);

        // 160 rows below the top; the 10 dip rows fall one tier up; the 5 peak rows rise, then fall.
        Assert.Equal(
            [("all", 160, 10, 15), ("f", 80, 10, 10), ("m", 80, 0, 5)],
            report.Falls.Select(f => (f.Group, f.Rows, f.FallOneTier, f.FallAnyStep)));
        Assert.Equal(10.0 / 160, report.Falls[0].OneTierShare, 12);
        Assert.Equal(15.0 / 160, report.Falls[0].AnyStepShare, 12);
    }

    [Fact]
    public void Run_Intervals_ContainThePointEstimatesAndCollapseForConstantProbabilities()
    {
        var data = TierLookupModel.Reference();

        var report = UpsellCheck.Run(TierLookupModel.Bundle(data), data, bootstrap: FewResamples);

        foreach (var cell in report.Cells)
        {
            Assert.Null(cell.Note);
            // Within rounding: a resample's mean of eighty 0.6s need not be the same double as their average.
            Assert.InRange(cell.CounterfactualMean!.Value, cell.CounterfactualInterval!.Lower - 1e-12, cell.CounterfactualInterval.Upper + 1e-12);
            Assert.InRange(cell.ObservedRate!.Value, cell.ObservedInterval!.Lower - 1e-12, cell.ObservedInterval.Upper + 1e-12);
            Assert.InRange(cell.Gap!.Value, cell.GapInterval!.Lower - 1e-12, cell.GapInterval.Upper + 1e-12);
        }

        var menHigh = report.Cells[3];
        Assert.Equal(0.6, menHigh.CounterfactualInterval!.Lower, 12);
        Assert.Equal(0.6, menHigh.CounterfactualInterval.Upper, 12);
        // A rate of .5 over 40 rows: a 95% interval about ±0.15 wide.
        Assert.InRange(menHigh.ObservedInterval!.Upper - menHigh.ObservedInterval.Lower, 0.2, 0.4);
        Assert.Equal(7, report.Bootstrap.Seed);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameIntervals()
    {
        var data = TierLookupModel.Reference();
        var bundle = TierLookupModel.Bundle(data);

        var first = UpsellCheck.Run(bundle, data, bootstrap: FewResamples);
        var second = UpsellCheck.Run(bundle, data, bootstrap: FewResamples);

        Assert.Equal(first.ToJson().ToJsonString(), second.ToJson().ToJsonString());
    }

    [Fact]
    public void Run_SmallGroup_SaysSoInsteadOfAnInterval()
    {
        var data = TierLookupModel.Reference();
        // Keep 12 of the 40 women in high.
        var rows = Enumerable.Range(0, data.RowCount).Where(r => !(data.GetText("tier")[r] == "high" && data.GetText("sex")[r] == "f") || r % 40 < 12).ToList();
        var small = data.Take(rows);

        var report = UpsellCheck.Run(TierLookupModel.Bundle(small), small, bootstrap: FewResamples);

        var womenHigh = report.Cells.Single(c => c.Tier == "high" && c.Group == "f");
        Assert.Equal(12, womenHigh.ObservedRows);
        Assert.NotNull(womenHigh.Gap);
        Assert.Null(womenHigh.GapInterval);
        Assert.Null(womenHigh.ObservedInterval);
        Assert.Equal("80 moved and 12 observed rows: too few for an interval (at least 30 each)", womenHigh.Note);
        Assert.False(womenHigh.HasIntervals);
    }

    [Fact]
    public void Run_NoStrata_ReportsAllRowsPerTier()
    {
        var data = TierLookupModel.Reference();

        var report = UpsellCheck.Run(TierLookupModel.Bundle(data), data, strata: [], bootstrap: FewResamples);

        Assert.Equal(["mid all", "high all"], report.Cells.Select(c => $"{c.Tier} {c.Group}"));
        Assert.Equal(80, report.Cells[0].MovedRows);
        Assert.Equal(0.5, report.Cells[0].ObservedRate!.Value, 12);
        Assert.Single(report.Falls);
    }

    [Fact]
    public void Run_UnknownStratum_ListsTheColumns()
    {
        var data = TierLookupModel.Reference();

        var ex = Assert.Throws<GangwayException>(() => UpsellCheck.Run(TierLookupModel.Bundle(data), data, strata: ["age"]));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Could not find stratum column 'age' in the reference data. Columns present: tier, kind, sex, y.", ex.Message);
    }

    [Fact]
    public void Run_TierColumnAsStratum_IsRefused()
    {
        var data = TierLookupModel.Reference();

        var ex = Assert.Throws<GangwayException>(() => UpsellCheck.Run(TierLookupModel.Bundle(data), data, strata: ["tier"]));

        Assert.Contains("Stratum 'tier' is the upsell tier column itself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SpecWithoutUpsell_SaysSo()
    {
        var data = TierLookupModel.Reference();
        var spec = TierLookupModel.SpecText[..TierLookupModel.SpecText.IndexOf("upsell:", StringComparison.Ordinal)];

        var ex = Assert.Throws<GangwayException>(() => UpsellCheck.Run(TierLookupModel.Bundle(data, specText: spec), data));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.StartsWith("Model 'tiers' has no upsell section in its spec", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingLabel_NamesTheRow()
    {
        var data = TierLookupModel.Reference();
        var labels = data.GetText("y").Values.ToArray();
        labels[3] = null;

        var ex = Assert.Throws<GangwayException>(() => UpsellCheck.Run(TierLookupModel.Bundle(data), data.With(new TextColumn("y", labels))));

        Assert.Equal("Column 'y' must have a value on every row to check upsell figures; row 3 is missing.", ex.Message);
    }

    [Fact]
    public void ToJson_HoldsCellsAndFalls()
    {
        var data = TierLookupModel.Reference();

        var json = UpsellCheck.Run(TierLookupModel.Bundle(data), data, bootstrap: FewResamples).ToJson();

        Assert.Equal("tier", json["column"]!.GetValue<string>());
        Assert.Equal(200, json["resamples"]!.GetValue<int>());
        var cell = json["cells"]![0]!;
        Assert.Equal("sex", cell["stratum"]!.GetValue<string>());
        Assert.Equal(0.75, cell["observed_rate"]!.GetValue<double>(), 12);
        Assert.Equal(2, cell["gap_interval"]!.AsArray().Count);
        Assert.Equal(15, json["falls"]![0]!["fall_any_step"]!.GetValue<int>());
    }

    private static void AssertCell(UpsellCell cell, int moved, double mean, int observed, double rate)
    {
        Assert.Equal(moved, cell.MovedRows);
        Assert.Equal(mean, cell.CounterfactualMean!.Value, 12);
        Assert.Equal(observed, cell.ObservedRows);
        Assert.Equal(rate, cell.ObservedRate!.Value, 12);
        Assert.Equal(mean - rate, cell.Gap!.Value, 12);
    }
}
