using System.Globalization;
using Gangway.Evaluation;
using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>Renders an evaluation report as terminal tables: the model next to its baselines, then each slice.</summary>
internal static class EvaluationTables
{
    public static void Print(IAnsiConsole console, string modelName, BinaryClassificationReport report)
    {
        var overview = new Table().Title($"[bold]{Markup.Escape(modelName)}[/] on {report.Overall.Rows} rows").AddColumn("metric");
        overview.AddColumn(new TableColumn("model").RightAligned());
        foreach (var baseline in report.Baselines)
        {
            overview.AddColumn(new TableColumn(Markup.Escape(baseline.Name)).RightAligned());
        }

        foreach (var (name, value) in Metrics.Scalars)
        {
            overview.AddRow([name, Format(value(report.Overall), name, report.Intervals), .. report.Baselines.Select(b => Format(value(b.Metrics)))]);
        }

        if (report.Intervals is { } intervals)
        {
            overview.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"model: value [{intervals.Confidence:0.##%} confidence interval, stratified bootstrap]")));
        }

        console.Write(overview);
        var matrix = report.Overall.ConfusionMatrix;
        console.MarkupLine(CultureInfo.InvariantCulture, "confusion matrix: tp {0}, fp {1}, tn {2}, fn {3}", matrix.TruePositives, matrix.FalsePositives, matrix.TrueNegatives, matrix.FalseNegatives);

        var calibration = new Table().Title("calibration (predicted vs observed positive rate)").AddColumn("probability")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("mean predicted").RightAligned()).AddColumn(new TableColumn("observed").RightAligned());
        foreach (var bin in report.Overall.Calibration)
        {
            calibration.AddRow(
                string.Create(CultureInfo.InvariantCulture, $"{bin.Lower:0.0}–{bin.Upper:0.0}"),
                bin.Count.ToString(CultureInfo.InvariantCulture),
                Format(bin.MeanPredicted),
                Format(bin.ObservedRate));
        }

        console.Write(calibration);
        console.MarkupLine("expected calibration error: " + Format(report.Overall.ExpectedCalibrationError, "expected_calibration_error", report.Intervals));

        foreach (var group in report.Slices.GroupBy(s => s.Column))
        {
            var slices = new Table().Title($"by [bold]{Markup.Escape(group.Key)}[/]").AddColumn("value").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (name, _) in Metrics.Scalars)
            {
                slices.AddColumn(new TableColumn(name).RightAligned());
            }

            foreach (var slice in group)
            {
                slices.AddRow([Markup.Escape(slice.Value), slice.Metrics.Rows.ToString(CultureInfo.InvariantCulture), .. Metrics.Scalars.Select(r => Format(r.Value(slice.Metrics), r.Name, slice.Intervals))]);
            }

            console.Write(slices);
            foreach (var slice in group.Where(s => s.Intervals?.Note is not null))
            {
                console.MarkupLine($"{Markup.Escape(group.Key)} = {Markup.Escape(slice.Value)}: {Markup.Escape(slice.Intervals!.Note!)}");
            }
        }
    }

    // With an interval, three decimals keep the cell readable: 0.912 [0.871, 0.947].
    private static string Format(double? value, string metric, MetricIntervals? intervals) =>
        intervals?.Note is null && intervals?.Intervals.TryGetValue(metric, out var interval) == true && value is { } v
            ? Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{v:0.000} [{interval.Lower:0.000}, {interval.Upper:0.000}]"))
            : Format(value);

    private static string Format(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
}
