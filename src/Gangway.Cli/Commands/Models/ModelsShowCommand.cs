using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Registry;
using Spectre.Console;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models show &lt;name&gt;</c>: a model's versions, the aliases on them and their held-out metrics.</summary>
internal static class ModelsShowCommand
{
    private static readonly string[] HeldOutColumns = ["roc_auc", "accuracy"];

    public static Command Create(CliHost host)
    {
        var name = ModelsCommand.NameArgument();
        var json = JsonOption.Create();
        var command = new Command("show", "Show a model's versions (newest first), which aliases point at them and their held-out metrics from 'gangway evaluate'.") { name, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var model = await ModelsCommand.FindAsync(store, parse.GetValue(name)!, cancellationToken);
            var shown = await ModelVersions.ReadAsync(store, model, cancellationToken);
            var versions = shown.Versions;
            var evaluations = shown.EvaluationsByRun;
            IEnumerable<string> AliasesOf(int version) => shown.AliasesOf(version);
            if (parse.GetValue(json))
            {
                var result = StoreJson.Model(model);
                result["versions"] = new JsonArray([.. versions.Select(v =>
                {
                    var entry = StoreJson.Version(v, AliasesOf(v.Version));
                    entry["evaluations"] = StoreJson.Evaluations(evaluations[v.RunId]);
                    return (JsonNode)entry;
                })]);
                context.Output.WriteLine(result.ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().Title(Markup.Escape(model.Name)).AddColumns("version", "aliases", "run", "registered (UTC)", "by", "sha256");
            foreach (var name in HeldOutColumns)
            {
                table.AddColumn(new TableColumn($"held-out {name}").RightAligned());
            }

            table.AddColumn("evaluated on");
            foreach (var version in versions)
            {
                // The version is its run's bundle, so every evaluation of the run measured it; the newest is shown.
                var ofRun = evaluations[version.RunId];
                var latest = ofRun.Count > 0 ? ofRun[0] : null;
                table.AddRow([
                    version.Version.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", AliasesOf(version.Version))),
                    version.RunId[..12],
                    version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(version.CreatedBy),
                    version.Sha256[..12],
                    .. HeldOutColumns.Select(name => latest?.Metrics.TryGetValue(name, out var value) == true ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "-"),
                    latest is null ? "(not evaluated)" : Markup.Escape(latest.DataName)]);
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
