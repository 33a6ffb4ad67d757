using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Commands.Runs;
using Gangway.Cli.Infrastructure;
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
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var found = RunLookup.Find(context, parse.GetValue(run)!);
            // As promote checks a version's bytes before evaluating them: a damaged artifact never becomes a version.
            RegistryBundles.VerifyRunArtifact(context.Store, found, RunArtifact.ModelBundle);
            var version = context.Store.RegisterVersion(parse.GetValue(name)!, found.Id, RunArtifact.ModelBundle, Change.ByCurrentUser(parse.GetValue(reason)));
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonObject { ["name"] = version.Model, ["version"] = version.Version, ["run_id"] = version.RunId }.ToJsonString());
            }
            else
            {
                context.Output.WriteLine($"Registered {version.Reference} (run {version.RunId}).");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
