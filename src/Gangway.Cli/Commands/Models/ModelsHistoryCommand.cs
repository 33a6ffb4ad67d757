using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Stores;
using Spectre.Console;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models history &lt;name&gt;</c>: the audit log of a model: registrations, promotions, rollbacks.</summary>
internal static class ModelsHistoryCommand
{
    public static Command Create(CliHost host)
    {
        var name = ModelsCommand.NameArgument();
        var limit = CliOptions.Limit("entries", 50);
        var json = JsonOption.Create();
        var command = new Command("history", "Show who registered, promoted and rolled back which version of a model, when and why.") { name, limit, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var model = await ModelsCommand.FindAsync(store, parse.GetValue(name)!, cancellationToken);
            var entries = await store.Registry.ListAuditAsync(new AuditQuery(model.Name, Math.Max(1, parse.GetValue(limit))), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonArray([.. entries.Select(e => (JsonNode)StoreJson.Audit(e))]).ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().Title(Markup.Escape(model.Name)).AddColumns("when (UTC)", "who", "what", "subject", "details", "why");
            foreach (var entry in entries)
            {
                table.AddRow(
                    StoreJson.Time(entry.At),
                    Markup.Escape(entry.Actor),
                    entry.Action,
                    Markup.Escape(entry.Subject),
                    Markup.Escape(entry.Details),
                    Markup.Escape(entry.Reason ?? ""));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
