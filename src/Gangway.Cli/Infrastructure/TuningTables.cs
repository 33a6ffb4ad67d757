using System.Globalization;
using Gangway.Tracking;
using Gangway.Tuning;
using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>The tables and lines <c>gangway tune</c> prints: every candidate, the best and the chosen, and the nested estimate.</summary>
internal static class TuningTables
{
    public static void Print(IAnsiConsole console, TuningReport report, TuningTracker? tracker)
    {
        var direction = report.Grid.LowerIsBetter ? "lower is better" : "higher is better";
        // A line rather than the table's title, which would wrap to the width of a narrow table.
        var folds = report.Grid.Repeats == 1 ? $"{report.Grid.Folds}-fold cross-validation" : $"{report.Grid.Folds}-fold cross-validation × {report.Grid.Repeats} repeats";
        console.MarkupLine(CultureInfo.InvariantCulture, "{0} candidates, {1}, {2} ({3})", report.Candidates.Count, folds, Markup.Escape(report.Grid.Metric), direction);
        var table = new Table().AddColumn(new TableColumn("#").RightAligned());
        foreach (var parameter in report.Grid.Parameters)
        {
            table.AddColumn(Markup.Escape(parameter.Path));
        }

        table.AddColumn(new TableColumn(Markup.Escape(report.Grid.Metric)).RightAligned()).AddColumn(new TableColumn("95% interval").RightAligned()).AddColumn("");
        if (tracker is not null)
        {
            table.AddColumn("run");
        }

        foreach (var result in report.Candidates)
        {
            string[] cells =
            [
                result.Candidate.Number.ToString(CultureInfo.InvariantCulture),
                .. result.Candidate.Parameters.Select(p => Markup.Escape(p.Text)),
                MeanAndSpread(result),
                Markup.Escape(result.Score.Interval is { } interval ? string.Create(CultureInfo.InvariantCulture, $"[{interval.Lower:0.0000}, {interval.Upper:0.0000}]") : "-"),
                Marker(report, result),
                .. tracker is null ? [] : new[] { tracker.CandidateRuns[result.Candidate.Number] },
            ];
            table.AddRow(cells);
        }

        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, "best: candidate {0} ({1}), {2} {3}", report.Best.Candidate.Number, Markup.Escape(report.Best.Candidate.Describe()), Markup.Escape(report.Grid.Metric), MeanAndSpread(report.Best));
        console.MarkupLine(CultureInfo.InvariantCulture, "chosen ({0}): {1}", TuningReport.RuleName(report.Grid.Selection), Markup.Escape(report.Reason));
        if (tracker is not null)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "tuning run: {0} (chosen candidate run {1}) in {2}", tracker.ParentRunId, tracker.CandidateRuns[report.Chosen.Candidate.Number], Markup.Escape(tracker.DisplayUri));
        }
    }

    private static string Marker(TuningReport report, CandidateResult result) =>
        (ReferenceEquals(result, report.Best), ReferenceEquals(result, report.Chosen)) switch
        {
            (true, true) => "[bold]best[/]",
            (true, false) => "best",
            (false, true) => "[bold]chosen[/]",
            _ => "",
        };

    public static void PrintNested(IAnsiConsole console, NestedTuningReport nested)
    {
        var metric = Markup.Escape(nested.Search.Grid.Metric);
        console.MarkupLine(CultureInfo.InvariantCulture, "nested cross-validation ({0} outer folds): {1} {2:0.0000} ± {3:0.0000}; the search's own score of its choice {4:0.0000}; optimism {5:+0.0000;-0.0000;0.0000}", nested.OuterFolds.Count, metric, nested.Mean, nested.StandardDeviation, nested.InnerScore, nested.Optimism);
        foreach (var fold in nested.OuterFolds)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "  outer fold {0}: chose {1}, inner {2}, outer {3}", fold.Fold, Markup.Escape(fold.Chosen.Describe()), Score(fold.InnerScore), Score(fold.OuterScore));
        }
    }

    private static string Score(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    public static string MeanAndSpread(CandidateResult result) => result.Score.Mean is { } mean
        ? string.Create(CultureInfo.InvariantCulture, $"{mean:0.0000} ± {result.Score.StandardDeviation ?? 0:0.0000}")
        : "-";
}
