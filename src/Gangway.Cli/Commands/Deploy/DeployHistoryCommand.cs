using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Deployment;
using Spectre.Console;

namespace Gangway.Cli.Commands.Deploy;

/// <summary><c>gangway deploy history &lt;model&gt;</c>: every revision of a model's deployment, newest first.</summary>
internal static class DeployHistoryCommand
{
    public static Command Create(CliHost host)
    {
        var model = DeployCommand.ModelArgument();
        var json = JsonOption.Create();
        var command = new Command("history", "Show every revision of a model's deployment, newest first: when, who, why and which variants at what weights.")
        {
            model, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var current = await DeployCommand.FindAsync(store, parse.GetValue(model)!, cancellationToken);
            var revisions = await store.Deployments.HistoryAsync(current.Model, cancellationToken);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonArray([.. revisions.Select(r => (JsonNode)DeployCommand.RevisionJson(r))]).ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().Title(Markup.Escape(current.Model)).AddColumns("revision", "applied (UTC)", "by", "variants", "shadow", "sticky", "why");
            foreach (var revision in revisions)
            {
                var spec = revision.Spec;
                table.AddRow(
                    revision.Revision.ToString(CultureInfo.InvariantCulture),
                    StoreJson.Time(revision.AppliedAt),
                    Markup.Escape(revision.Actor),
                    Markup.Escape(string.Join(", ", spec.Variants.Select(v => $"{v.Name} {DeployCommand.Number(v.Weight)} ({v.Model})"))),
                    Markup.Escape(string.Join(", ", spec.Shadows.Select(s => $"{s.Name} ({s.Model})"))),
                    Markup.Escape(spec.Sticky is { } key ? $"{(key.Source == StickySource.Header ? "header" : "field")} {key.Name}" : "-"),
                    Markup.Escape(revision.Reason ?? ""));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
