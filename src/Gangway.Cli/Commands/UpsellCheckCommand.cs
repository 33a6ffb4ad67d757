using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Evaluation;
using Gangway.Upsell;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway upsell check</c>: holds a model's upsell figures against labelled reference data (see <see cref="UpsellCheck"/>).
/// </summary>
internal static class UpsellCheckCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The <c>upsell</c> command group.</summary>
    public static Command Group(CliHost host) => new("upsell", "Check the upgrade figures a model's /upsell gives against labelled data.")
    {
        Create(host),
    };

    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).");
        var data = CliOptions.RequiredPath("--data", "Labelled reference data (CSV with a header), e.g. the training data.");
        var strata = new Option<string[]>("--strata")
        {
            Description = "Stratum columns (comma-separated or repeated) instead of the spec's upsell.strata, e.g. Sex.",
            AllowMultipleArgumentsPerToken = false,
        };
        var parser = CliOptions.Parser();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output instead of the tables." };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples for the intervals, seeded by the spec's seed (at least 10).",
            DefaultValueFactory = _ => BootstrapOptions.DefaultResamples,
            CustomParser = result => CliOptions.WholeNumber(result, "--bootstrap") ?? 0,
        };
        var confidence = new Option<double>("--confidence")
        {
            Description = "Confidence level of the intervals, between 0 and 1.",
            DefaultValueFactory = _ => 0.95,
        };
        var command = new Command("check", "For each tier and stratum, the mean probability of the rows moved into the tier next to the observed rate of the rows in it, with intervals, and how often probabilities fall moving up.")
        {
            model, data, strata, parser, json, bootstrap, confidence,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var options = new BootstrapOptions { Resamples = parse.GetValue(bootstrap), Confidence = parse.GetValue(confidence) }.Validated();
            var strataColumns = parse.GetValue(strata) is { Length: > 0 } given
                ? given.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : null;
            var (bundlePath, _) = await context.ResolveModelVersionAsync(parse.GetValue(model)!, cancellationToken);
            var bundle = BundleReader.Read(bundlePath, context.Catalog);
            var report = UpsellCheck.Run(bundle, CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser), context.Catalog), strataColumns, options, new SynchronousProgress<string>(context.Logger.ContractWarning));
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(report.ToJson().ToJsonString(Indented));
            }
            else
            {
                Print(context.Console, report);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Print(IAnsiConsole console, UpsellCheckReport report)
    {
        var confidence = string.Create(CultureInfo.InvariantCulture, $"{report.Bootstrap.Confidence:0.##%}");
        foreach (var stratum in report.Cells.GroupBy(c => c.Stratum))
        {
            var title = stratum.Key is null ? "all rows" : $"by [bold]{Markup.Escape(stratum.Key)}[/]";
            var table = new Table()
                .Title($"[bold]{Markup.Escape(report.Model)}[/] moved up '{Markup.Escape(report.TierColumn)}', {title}")
                .AddColumn("tier").AddColumn("group")
                .AddColumn(new TableColumn("moved").RightAligned()).AddColumn(new TableColumn("mean probability").RightAligned())
                .AddColumn(new TableColumn("in tier").RightAligned()).AddColumn(new TableColumn("observed rate").RightAligned())
                .AddColumn(new TableColumn("gap").RightAligned());
            foreach (var cell in stratum)
            {
                table.AddRow(
                    Markup.Escape(cell.Tier),
                    Markup.Escape(cell.Group),
                    cell.MovedRows.ToString(CultureInfo.InvariantCulture),
                    Format(cell.CounterfactualMean, cell.CounterfactualInterval),
                    cell.ObservedRows.ToString(CultureInfo.InvariantCulture),
                    Format(cell.ObservedRate, cell.ObservedInterval),
                    Format(cell.Gap, cell.GapInterval, signed: true));
            }

            table.Caption(Markup.Escape($"value [{confidence} bootstrap interval]; gap = mean probability of the rows moved in − observed rate of the rows in the tier"));
            console.Write(table);
            foreach (var cell in stratum.Where(c => c.Note is not null))
            {
                console.MarkupLine(Markup.Escape($"{cell.Tier}, {cell.Group}: {cell.Note}"));
            }
        }

        var falls = new Table().Title("probability falls moving up" + (report.Monotone ? " (the model enforces upsell.monotone)" : ""))
            .AddColumn("group").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("one tier up").RightAligned()).AddColumn(new TableColumn("any step up").RightAligned());
        foreach (var share in report.Falls)
        {
            falls.AddRow(
                Markup.Escape(share.Stratum is null ? share.Group : $"{share.Stratum}={share.Group}"),
                share.Rows.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{share.FallOneTier} ({share.OneTierShare:0.0%})")),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{share.FallAnyStep} ({share.AnyStepShare:0.0%})")));
        }

        console.Write(falls);
    }

    private static string Format(double? value, ConfidenceInterval? interval, bool signed = false)
    {
        var format = signed ? "+0.000;−0.000;0.000" : "0.000";
        return value is not { } v
            ? "-"
            : Markup.Escape(interval is null
                ? v.ToString(format, CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{v.ToString(format, CultureInfo.InvariantCulture)} [{interval.Lower.ToString(format, CultureInfo.InvariantCulture)}, {interval.Upper.ToString(format, CultureInfo.InvariantCulture)}]"));
    }
}
