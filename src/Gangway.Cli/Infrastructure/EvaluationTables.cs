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
            overview.AddRow([name, Format(value(report.Overall)), .. report.Baselines.Select(b => Format(value(b.Metrics)))]);
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

        foreach (var group in report.Slices.GroupBy(s => s.Column))
        {
            var slices = new Table().Title($"by [bold]{Markup.Escape(group.Key)}[/]").AddColumn("value").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (name, _) in Metrics.Scalars)
            {
                slices.AddColumn(new TableColumn(name).RightAligned());
            }

            foreach (var slice in group)
            {
                slices.AddRow([Markup.Escape(slice.Value), slice.Metrics.Rows.ToString(CultureInfo.InvariantCulture), .. Metrics.Scalars.Select(r => Format(r.Value(slice.Metrics)))]);
            }

            console.Write(slices);
        }
    }

    private static string Format(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
}
