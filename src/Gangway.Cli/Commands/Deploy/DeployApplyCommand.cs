using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Deploy;

/// <summary><c>gangway deploy apply &lt;file&gt;</c>: checks a deployment file and stores it as the model's next revision.</summary>
internal static class DeployApplyCommand
{
    public static Command Create(CliHost host)
    {
        var file = CliOptions.FileOnly(new Argument<string>("file") { Description = "The deployment file (YAML or JSON), e.g. deployment.yaml." });
        var actor = new Option<string?>("--actor") { Description = "Who applies it, for the audit log (default: GANGWAY_ACTOR, else the OS user)." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit log." };
        var json = new Option<bool>("--json") { Description = "Print the revision and the changes as JSON." };
        var command = new Command("apply", "Check that every variant's and shadow's model resolves in the registry, then store the deployment as the model's next revision; print what changed.")
        {
            file, actor, reason, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var spec = DeploymentSpecReader.ReadFile(parse.GetValue(file)!);
            var change = parse.GetValue(actor) is { Length: > 0 } name ? new Change(name, parse.GetValue(reason)) : Change.ByCurrentUser(parse.GetValue(reason));
            var store = await context.OpenStoreAsync(cancellationToken);
            var applied = await DeploymentApplier.ApplyAsync(store, spec, change, cancellationToken);
            if (parse.GetValue(json))
            {
                var result = DeployCommand.RevisionJson(applied.Current);
                result["previous_revision"] = applied.Previous?.Revision;
                result["unchanged"] = applied.Unchanged;
                result["changes"] = new JsonArray([.. applied.Changes.Select(c => (JsonNode)new JsonObject { ["part"] = c.Part, ["from"] = c.From, ["to"] = c.To })]);
                result["variants"] = DeployCommand.ResolvedJson(applied.Resolved);
                context.Output.WriteLine(result.ToJsonString());
                return ExitCodes.Success;
            }

            if (applied.Unchanged)
            {
                context.Output.WriteLine($"Deployment of '{spec.Model}' unchanged: it is revision {applied.Current.Revision} already.");
                return ExitCodes.Success;
            }

            var was = applied.Previous is { } previous ? $" (was {previous.Revision})" : " (its first)";
            context.Output.WriteLine($"Applied deployment of '{spec.Model}' as revision {applied.Current.Revision}{was}:");
            foreach (var line in applied.Changes)
            {
                context.Output.WriteLine($"  {line}");
            }

            context.Output.WriteLine($"Serving now: {string.Join(", ", applied.Resolved.Select(r => $"{r.Name} = {r.Version.Reference}{(r.IsShadow ? " (shadow)" : "")}"))}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
