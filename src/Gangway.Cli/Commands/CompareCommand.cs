using System.CommandLine;
using System.Globalization;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Comparison;
using Gangway.Stores;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway compare</c>: score labelled data with two trained models (no refitting) and report every metric of both,
/// the differences, DeLong's test for ROC AUC, McNemar's test for accuracy and a verdict for each.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliHost host)
    {
        var models = new Option<string[]>("--model")
        {
            Description = "A model, given twice: A, then B (differences are B - A). A bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        models.Validators.Add(result =>
        {
            if (result.Tokens.Count != 2)
            {
                result.AddError($"--model must be given exactly twice (model A, then model B); got it {result.Tokens.Count} time{(result.Tokens.Count == 1 ? "" : "s")}.");
            }

            foreach (var folder in result.Tokens.Select(t => t.Value).Where(Directory.Exists))
            {
                result.AddError($"--model '{folder}' is a folder, not a file; give a bundle file (.gwb) or a registry reference (titanic@champion).");
            }
        });
        var data = CliOptions.RequiredPath("--data", "Labelled data (CSV with a header) neither model saw in training.");
        var parser = CliOptions.Parser();
        var confidence = CliOptions.Confidence("The confidence level of the intervals and verdicts.");
        var bootstrap = CliOptions.Bootstrap("Stratified paired bootstrap resamples for the interval of every difference (0 turns them off).");
        var seed = CliOptions.Seed();
        seed.Description = "Seed of the bootstrap resamples; overrides model A's spec seed.";
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON on standard output instead of the table." };
        var command = new Command("compare", "Compare two models on the same labelled rows: each metric's difference with a paired bootstrap interval, DeLong's and McNemar's tests, a verdict.")
        {
            models, data, parser, confidence, bootstrap, seed, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var (first, second) = (parse.GetValue(models)![0], parse.GetValue(models)![1]);
            var (labelA, labelB) = Labels(first, second);
            var a = new ComparedModel(labelA, BundleReader.Read(await context.ResolveModelAsync(first, cancellationToken), context.Catalog));
            var b = new ComparedModel(labelB, BundleReader.Read(await context.ResolveModelAsync(second, cancellationToken), context.Catalog));
            var source = CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser), context.Catalog);
            var report = ModelComparison.Compare(
                a, b, source, parse.GetValue(confidence), new SynchronousProgress<string>(context.Logger.ContractWarning), parse.GetValue(bootstrap), parse.GetValue(seed));
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(report.ToJson());
            }
            else
            {
                Print(context.Console, report);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Print(IAnsiConsole console, ComparisonReport report)
    {
        var table = new Table()
            .Title($"A = [bold]{Markup.Escape(report.First)}[/], B = [bold]{Markup.Escape(report.Second)}[/] on {report.Rows} rows")
            .AddColumn("metric")
            .AddColumn(new TableColumn("A").RightAligned())
            .AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B - A").RightAligned())
            .AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"{report.Confidence:0.##%} interval")).RightAligned())
            .AddColumn("test")
            .AddColumn(new TableColumn("p").RightAligned());
        foreach (var metric in report.Metrics)
        {
            table.AddRow(
                metric.Metric,
                Format(metric.First, "0.000"),
                Format(metric.Second, "0.000"),
                Format(metric.Difference, Signed),
                metric.Interval is { } interval ? Markup.Escape($"[{Format(interval.Lower, Signed)}, {Format(interval.Upper, Signed)}]") : "-",
                metric.Test ?? "",
                metric.PValue is { } p ? p.ToString("G2", CultureInfo.InvariantCulture) : "");
        }

        console.Write(table);
        if (report.Resamples > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Intervals: paired stratified bootstrap of B - A, {report.Resamples} resamples, seed {report.Seed}."));
        }

        foreach (var verdict in report.Verdicts)
        {
            console.WriteLine(verdict);
        }
    }

    // Verdicts name the models: a registry reference as given, a bundle by its file name unless that leaves two different
    // paths looking alike.
    private static (string A, string B) Labels(string first, string second)
    {
        static string Short(string model) => ModelReference.TryParse(model, out _) ? model : Path.GetFileName(model);
        var (a, b) = (Short(first), Short(second));
        return a == b && first != second ? (first, second) : (a, b);
    }

    private const string Signed = "+0.000;-0.000;+0.000";

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
