using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Log;

/// <summary>
/// <c>gangway log export --model titanic [--since 24h] [--until ...] [--variant v] --out file.csv|file.jsonl</c>: the
/// logged predictions of a model, oldest first, as CSV or JSON Lines (chosen by the file's extension; JSON Lines on
/// standard output). The file appears whole or not at all.
/// </summary>
internal static class LogExportCommand
{
    public static Command Create(CliHost host)
    {
        var model = new Option<string>("--model") { Description = "The model whose predictions to export.", Required = true };
        var since = new Option<string?>("--since") { Description = "Only predictions from this time: a duration back from now (24h, 30d) or a date (2026-12-01)." };
        var until = new Option<string?>("--until") { Description = "Only predictions before this time: a duration back from now or a date." };
        var variant = new Option<string?>("--variant") { Description = "Only predictions of this deployment variant (e.g. challenger)." };
        var output = CliOptions.RequiredPath("--out", "Where to write: a .csv or .jsonl file, or - for JSON Lines on standard output.");
        var command = new Command("export", "Export the logged predictions of a model as CSV or JSON Lines.") { model, since, until, variant, output };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var destination = parse.GetValue(output)!;
            var csv = IsCsv(destination);
            FileOutput.Check(destination);
            var now = context.Time.GetUtcNow();
            var query = new PredictionQuery(
                parse.GetValue(model),
                parse.GetValue(since) is { } from ? Durations.PointInTime(from, now, "--since") : null,
                parse.GetValue(until) is { } to ? Durations.PointInTime(to, now, "--until") : null,
                parse.GetValue(variant));
            var store = await context.OpenStoreAsync(cancellationToken);
            var records = store.PredictionLog.ReadAsync(query, cancellationToken).ToBlockingEnumerable(cancellationToken);
            var count = FileOutput.WriteText(destination, context.Output, writer => csv ? PredictionExport.WriteCsv(writer, records) : PredictionExport.WriteJsonLines(writer, records));
            (destination == FileOutput.StandardOutput ? context.Error : context.Output)
                .WriteLine($"Exported {count} prediction(s) of model '{query.Model}' from store '{store.DisplayUri}' to {FileOutput.Describe(destination)}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static bool IsCsv(string destination)
    {
        if (destination == FileOutput.StandardOutput || destination.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return destination.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? true
            : throw new GangwayException(ErrorKind.InvalidInput, $"--out '{destination}' must end with .csv or .jsonl (the format), or be - for JSON Lines on standard output.");
    }
}
