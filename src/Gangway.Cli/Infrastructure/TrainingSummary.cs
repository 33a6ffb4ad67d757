using System.Globalization;
using Gangway.Bundles;
using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>The few lines a person wants after training: where the bundle went and how the model did on its own data.</summary>
internal static class TrainingSummary
{
    public static void Print(CliContext context, ModelBundle bundle, string? path, string? runId)
    {
        var training = bundle.Metrics["training"];
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]model[/]", Markup.Escape(bundle.Name));
        grid.AddRow("[bold]run[/]", runId ?? "(not tracked)");
        grid.AddRow("[bold]bundle[/]", path is null ? "(in the store: register the run to use it)" : Markup.Escape(Path.GetFullPath(path)));
        grid.AddRow("[bold]rows[/]", Format(training?["rows"]?.GetValue<double>()));
        grid.AddRow("[bold]training accuracy[/]", Format(training?["accuracy"]?.GetValue<double>()));
        grid.AddRow("[bold]training roc_auc[/]", Format(training?["roc_auc"]?.GetValue<double>()));
        grid.AddRow("[bold]seed[/]", bundle.Lineage.Seed.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("[bold]data sha256[/]", bundle.Lineage.DataSha256);
        grid.AddRow("[bold]git commit[/]", bundle.Lineage.GitCommit ?? "(not in a git repository)");
        context.Console.Write(grid);
    }

    private static string Format(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
