using System.Globalization;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Upsell;

namespace Gangway.Promotion;

/// <summary>
/// The promotion gate <c>upsell: {max_gap, monotone}</c>: runs <see cref="UpsellCheck"/> on the candidate (on the
/// promotion data, or the gate's own <c>data</c>) and fails when a tier × stratum gap exceeds <c>max_gap</c> (judged on
/// the point estimate, the interval reported beside it; cells too small for an interval are reported, not judged) or,
/// with <c>monotone</c>, when any row's probability falls as it moves up a tier.
/// </summary>
internal static class UpsellGate
{
    public static IEnumerable<GateResult> Evaluate(ModelBundle candidate, Table promotionData, UpsellGateSpec gate, string? specDirectory, string? dataDirectory = null)
    {
        var report = gate.Data is { } data
            ? UpsellCheck.Run(candidate, Source(data, specDirectory, dataDirectory))
            : UpsellCheck.Run(candidate, promotionData);
        var results = new List<GateResult>();
        if (gate.MaxGap is { } maxGap)
        {
            results.AddRange(report.Cells.Select(cell => Gap(report, cell, maxGap)));
        }

        if (gate.Monotone)
        {
            results.Add(Monotone(report));
        }

        return results;
    }

    // Relative to the spec file; for a version trained elsewhere, whose spec folder is not on this machine, also relative
    // to the folder of the promotion data given explicitly (--data, Gangway:PromotionData).
    private static CsvFileSource Source(string data, string? specDirectory, string? dataDirectory)
    {
        var path = Path.Combine(specDirectory ?? Directory.GetCurrentDirectory(), data);
        if (File.Exists(path))
        {
            return new CsvFileSource(path);
        }

        var beside = dataDirectory is null ? null : Path.Combine(dataDirectory, data);
        return beside is not null && File.Exists(beside)
            ? new CsvFileSource(beside)
            : throw new GangwayException(ErrorKind.NotFound, $"The upsell gate's data file '{path}' (promotion.upsell.data: {data}) does not exist{(beside is null ? "" : $", nor does '{beside}' beside the promotion data")}.");
    }

    private static GateResult Gap(UpsellCheckReport report, UpsellCell cell, double maxGap)
    {
        var subject = $"{report.TierColumn}={cell.Tier} {(cell.Stratum is null ? "all rows" : $"{cell.Stratum}={cell.Group}")} gap";
        var figures = cell.Gap is { } gap
            ? string.Create(CultureInfo.InvariantCulture, $"gap {gap:+0.0000;-0.0000} {Interval(cell.GapInterval)}: mean probability {cell.CounterfactualMean:0.0000} of {cell.MovedRows} rows moved in vs observed rate {cell.ObservedRate:0.0000} of {cell.ObservedRows}")
            : string.Create(CultureInfo.InvariantCulture, $"{cell.MovedRows} rows moved in, {cell.ObservedRows} in the tier");
        if (!cell.HasIntervals)
        {
            return new GateResult(GateKind.Upsell, subject, cell.Gap is { } g ? Math.Abs(g) : null, null, true)
            {
                AtMost = true,
                Note = $"skipped: {cell.Note ?? "no gap"}; {figures}",
            };
        }

        var absolute = Math.Abs(cell.Gap!.Value);
        return new GateResult(GateKind.Upsell, subject, absolute, maxGap, absolute <= maxGap) { AtMost = true, Note = figures };
    }

    private static GateResult Monotone(UpsellCheckReport report)
    {
        var all = report.Falls[0];
        return new GateResult(GateKind.Upsell, $"{report.TierColumn} monotone (share of rows whose probability falls moving up)", all.AnyStepShare, 0, all.FallAnyStep == 0)
        {
            AtMost = true,
            Note = string.Create(CultureInfo.InvariantCulture, $"{all.FallAnyStep} of {all.Rows} rows fall at some step, {all.FallOneTier} one tier up{(report.Monotone ? "" : "; the model does not enforce it (upsell.monotone: true in its spec would)")}"),
        };
    }

    private static string Interval(ConfidenceInterval? interval) => interval is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"[{interval.Lower:+0.0000;-0.0000}, {interval.Upper:+0.0000;-0.0000}]");
}
