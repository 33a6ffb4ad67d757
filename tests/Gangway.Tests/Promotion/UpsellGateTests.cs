using Gangway.Data;
using Gangway.Promotion;
using Gangway.Specs;
using Gangway.Tests.Upsell;

namespace Gangway.Tests.Promotion;

/// <summary>The promotion gate <c>upsell: {max_gap, monotone}</c> on a model with known answers (see <see cref="TierLookupModel"/>).</summary>
public class UpsellGateTests
{
    private static readonly Table Data = TierLookupModel.Reference();

    [Fact]
    public void Evaluate_MaxGap_FailsExactlyTheCellsBeyondIt()
    {
        // Gaps: mid women -0.425, mid men +0.1875, high women -0.3125, high men +0.1.
        var report = PromotionGates.Evaluate(TierLookupModel.Bundle(Data), null, Data, Gates(new UpsellGateSpec(0.2, false)));

        Assert.Equal(
            [("tier=mid sex=f gap", false), ("tier=mid sex=m gap", true), ("tier=high sex=f gap", false), ("tier=high sex=m gap", true)],
            report.Results.Select(r => (r.Subject, r.Passed)));
        Assert.All(report.Results, r => Assert.Equal(GateKind.Upsell, r.Kind));
        Assert.Equal(0.425, report.Results[0].Value!.Value, 12);
        Assert.Equal(0.2, report.Results[0].Threshold);
        Assert.Matches(@"^gap -0\.4250 \[-0\.\d{4}, -0\.\d{4}\]: mean probability 0\.3250 of 40 rows moved in vs observed rate 0\.7500 of 40$", report.Results[0].Note);
        Assert.Contains("✗ upsell tier=mid sex=f gap: 0.4250 (needs ≤ 0.2000); gap -0.4250 [", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WideEnoughMaxGap_Passes()
    {
        var report = PromotionGates.Evaluate(TierLookupModel.Bundle(Data), null, Data, Gates(new UpsellGateSpec(0.5, false)));

        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public void Evaluate_Monotone_FailsWhenAnyRowFallsAndPassesOnceProjected()
    {
        var plain = PromotionGates.Evaluate(TierLookupModel.Bundle(Data), null, Data, Gates(new UpsellGateSpec(null, true)));
        var projected = new Gangway.Upsell.MonotoneTierTransformer(new TierLookupModel(), "tier", ColumnType.Text, TierLookupModel.Tiers, [], []);
        var monotone = PromotionGates.Evaluate(TierLookupModel.Bundle(Data, projected), null, Data, Gates(new UpsellGateSpec(null, true)));

        var failed = Assert.Single(plain.Results);
        Assert.False(failed.Passed);
        Assert.Equal(15.0 / 160, failed.Value!.Value, 12);
        Assert.Equal("15 of 160 rows fall at some step, 10 one tier up; the model does not enforce it (upsell.monotone: true in its spec would)", failed.Note);
        Assert.True(Assert.Single(monotone.Results).Passed);
    }

    [Fact]
    public void Evaluate_SmallCell_IsReportedButNotJudged()
    {
        var rows = Enumerable.Range(0, Data.RowCount).Where(r => r < 160 || r >= 200 || r % 40 < 12).ToList();
        var small = Data.Take(rows);

        var report = PromotionGates.Evaluate(TierLookupModel.Bundle(small), null, small, Gates(new UpsellGateSpec(0.01, false)));

        var womenHigh = report.Results.Single(r => r.Subject == "tier=high sex=f gap");
        Assert.True(womenHigh.Passed);
        Assert.Null(womenHigh.Threshold);
        Assert.StartsWith("skipped: 80 moved and 12 observed rows: too few for an interval", womenHigh.Note, StringComparison.Ordinal);
        Assert.False(report.Passed);
    }

    [Fact]
    public void Evaluate_GateData_IsReadFromTheSpecDirectory()
    {
        var folder = Directory.CreateTempSubdirectory("upsell-gate");
        try
        {
            using (var writer = new StreamWriter(Path.Combine(folder.FullName, "reference.csv")))
            {
                CsvWriter.Write(Data, writer);
            }

            var empty = Data.Take([0]);
            var report = PromotionGates.Evaluate(TierLookupModel.Bundle(Data), null, empty, Gates(new UpsellGateSpec(0.2, false, "reference.csv")), folder.FullName);
            var missing = Assert.Throws<GangwayException>(() => PromotionGates.Evaluate(TierLookupModel.Bundle(Data), null, empty, Gates(new UpsellGateSpec(0.2, false, "nope.csv")), folder.FullName));

            Assert.Equal(4, report.Results.Count);
            Assert.Equal(0.425, report.Results[0].Value!.Value, 12);
            Assert.Equal(ErrorKind.NotFound, missing.Kind);
            Assert.Contains("(promotion.upsell.data: nope.csv) does not exist", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static PromotionSpec Gates(UpsellGateSpec gate) => new() { Data = "unused.csv", Upsell = gate };
}
