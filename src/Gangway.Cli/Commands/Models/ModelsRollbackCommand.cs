using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models rollback &lt;name&gt; --alias &lt;alias&gt;</c>: the alias goes back to its previous version.</summary>
internal static class ModelsRollbackCommand
{
    public static Command Create(CliHost host)
    {
        var name = ModelsCommand.NameArgument();
        var alias = new Option<string>("--alias") { Description = "The alias to move back, e.g. champion.", Required = true };
        var reason = ModelsCommand.ReasonOption("Why, for the audit log.");
        var json = new Option<bool>("--json") { Description = "Print the change as JSON." };
        var command = new Command("rollback", "Point an alias back at the version it had before its current one.") { name, alias, reason, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var model = await ModelsCommand.FindAsync(store, parse.GetValue(name)!, cancellationToken);
            var change = await store.Registry.RollbackAliasAsync(model.Name, parse.GetValue(alias)!, Change.ByCurrentUser(parse.GetValue(reason)), cancellationToken);
            if (parse.GetValue(json))
            {
                var result = StoreJson.AliasChange(change);
                result["name"] = model.Name;
                context.Output.WriteLine(result.ToJsonString());
            }
            else
            {
                context.Output.WriteLine($"{model.Name}@{change.Alias} rolled back from version {change.PreviousVersion} to {change.Version}.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
