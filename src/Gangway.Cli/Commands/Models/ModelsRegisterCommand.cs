using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Commands.Runs;
using Gangway.Cli.Infrastructure;
using Gangway.Registry;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models register --run &lt;id&gt; --name &lt;name&gt;</c>: a run's bundle becomes the model's next version.</summary>
internal static class ModelsRegisterCommand
{
    public static Command Create(CliHost host)
    {
        var run = new Option<string>("--run") { Description = "The run whose bundle to register (id or unique prefix).", Required = true };
        var name = new Option<string>("--name") { Description = "The model's name in the registry (letters, digits, _ . -).", Required = true };
        var reason = ModelsCommand.ReasonOption("Why, for the audit log.");
        var json = new Option<bool>("--json") { Description = "Print {\"name\": ..., \"version\": ...} instead of a sentence." };
        var command = new Command("register", "Register a run's model bundle as the next version of a model.") { run, name, reason, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var found = await RunLookup.FindAsync(store, parse.GetValue(run)!, cancellationToken);
            var version = await ModelRegistration.RegisterAsync(store, found, parse.GetValue(name)!, Change.ByCurrentUser(parse.GetValue(reason)), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonObject { ["name"] = version.Model, ["version"] = version.Version, ["run_id"] = version.RunId }.ToJsonString());
            }
            else
            {
                context.Output.WriteLine($"Registered {version.Reference} (run {version.RunId}).");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
