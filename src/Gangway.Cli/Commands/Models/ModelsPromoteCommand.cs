using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Promotion;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Models;

/// <summary>
/// <c>gangway models promote &lt;name&gt; --version N --alias champion</c>: evaluate the spec's promotion gates and move the
/// alias when they pass; refuse with the report (exit 8) unless <c>--force --reason "..."</c>.
/// </summary>
internal static class ModelsPromoteCommand
{
    public static Command Create(CliHost host)
    {
        var name = ModelsCommand.NameArgument();
        var version = new Option<int>("--version")
        {
            Description = "The version to promote.",
            Required = true,
            CustomParser = result => CliOptions.WholeNumber(result, "--version") ?? 0,
        };
        var alias = new Option<string>("--alias") { Description = "The alias to point at it: champion, challenger or any name.", Required = true };
        var force = new Option<bool>("--force") { Description = "Promote even if gates fail (needs --reason; the audit log records it)." };
        var reason = ModelsCommand.ReasonOption("Why, for the audit log; required with --force.");
        var data = CliOptions.OptionalPath("--data", "Evaluate the gates on this labelled CSV instead of the spec's promotion.data.");
        var json = new Option<bool>("--json") { Description = "Print the outcome and the gate report as JSON." };
        var command = new Command("promote", "Evaluate the promotion gates of a version and point an alias at it when they pass.")
        {
            name, version, alias, force, reason, data, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var model = (await ModelsCommand.FindAsync(store, parse.GetValue(name)!, cancellationToken)).Name;
            var number = parse.GetValue(version);
            var aliasName = parse.GetValue(alias)!;
            var options = new PromotionOptions(
                Change.ByCurrentUser().Actor,
                parse.GetValue(reason),
                parse.GetValue(force),
                parse.GetValue(data),
                Warnings: new SynchronousProgress<string>(context.Logger.ContractWarning),
                Catalog: context.Catalog);
            var outcome = await StageProgress.RunAsync(context, "Evaluating the promotion gates", _ => Promoter.PromoteAsync(store, model, number, aliasName, options, cancellationToken));
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(Json(model, number, aliasName, outcome).ToJsonString());
            }
            else
            {
                if (outcome.Report is { } report)
                {
                    context.Output.WriteLine(report.Describe());
                }

                (outcome.Promoted ? context.Output : context.Error).WriteLine(outcome.Summary(model, aliasName, number));
                if (!outcome.Promoted)
                {
                    context.Error.WriteLine("Use --force --reason \"...\" to promote anyway (the audit log records it).");
                }
            }

            return outcome.Promoted ? ExitCodes.Success : ExitCodes.GateFailed;
        }, cancellationToken));
        return command;
    }

    private static JsonObject Json(string model, int version, string aliasName, PromotionOutcome outcome) => new()
    {
        ["name"] = model,
        ["version"] = version,
        ["alias"] = aliasName,
        ["promoted"] = outcome.Promoted,
        ["previous_version"] = outcome.Change?.PreviousVersion,
        ["gates"] = outcome.Report is null ? null : new JsonObject
        {
            ["passed"] = outcome.Report.Passed,
            ["results"] = new JsonArray([.. outcome.Report.Results.Select(r => (JsonNode)new JsonObject
            {
                ["kind"] = r.KindName,
                ["subject"] = r.Subject,
                ["value"] = r.Value,
                ["threshold"] = r.Threshold,
                ["passed"] = r.Passed,
                ["reference"] = r.Reference,
                ["reference_value"] = r.CurrentValue,
                ["difference"] = r.Difference,
                ["confidence"] = r.Confidence,
                ["interval"] = r.Interval is { } interval ? new JsonArray(interval.Lower, interval.Upper) : null,
                ["test"] = r.Test,
                ["p_value"] = r.PValue,
                ["note"] = r.Note,
            })]),
            ["report"] = outcome.Report.Describe(),
        },
    };
}
