using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.OnlineEvaluation;

namespace Gangway.Cli.Commands.Monitor;

/// <summary>
/// <c>gangway monitor online titanic [--since 24h] [--json] [--act]</c>: per variant (shadows included) the predictions, the
/// labelled ones, accuracy, ROC AUC, log loss, Brier score, calibration and mean reward with intervals, and the decision
/// for each challenger under the model's deployment rules. With <c>--act</c>, decisions of <c>decide: auto</c> rules are
/// acted on as the service's loop does (<see cref="DeploymentAutopilot"/>).
/// </summary>
internal static class MonitorOnlineCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "The model's name, e.g. titanic." };
        var since = new Option<string>("--since")
        {
            Description = "Predictions made since then: a duration back from now (24h, 7d) or a date (2026-12-01). Default 24h.",
            DefaultValueFactory = _ => "24h",
        };
        var positive = new Option<string>("--positive") { Description = "The positive class as logged and fed back. Default 1.", DefaultValueFactory = _ => "1" };
        var negative = new Option<string>("--negative") { Description = "The negative class as logged and fed back. Default 0.", DefaultValueFactory = _ => "0" };
        var json = JsonOption.Create();
        var act = new Option<bool>("--act")
        {
            Description = "Act on decisions of decide: auto rules as the service does: move the alias through the promotion gates (actor deployment).",
        };
        var command = new Command("online", "Online metrics per variant from the logged predictions and their feedback, with intervals, and the deployment's decisions.")
        {
            model, since, positive, negative, json, act,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var from = Durations.PointInTime(parse.GetValue(since)!, context.Time.GetUtcNow(), "--since");
            var options = new OnlineMetricsOptions { PositiveLabel = parse.GetValue(positive)!, NegativeLabel = parse.GetValue(negative)! };
            var store = await context.OpenStoreAsync(cancellationToken);
            var report = await OnlineMonitor.ReportAsync(store, parse.GetValue(model)!, from, options, cancellationToken);
            if (!parse.GetValue(act))
            {
                context.Output.WriteLine(parse.GetValue(json) ? report.ToJson() : report.ToText());
                return ExitCodes.Success;
            }

            var autopilot = new AutopilotOptions { Metrics = options, Catalog = context.Catalog };
            var moves = await DeploymentAutopilot.ActAsync(store, parse.GetValue(model)!, from, autopilot, cancellationToken);
            context.Output.WriteLine(parse.GetValue(json) ? WithMoves(report, moves) : report.ToText() + Moves(moves));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string WithMoves(OnlineReport report, IReadOnlyList<AutopilotMove> moves)
    {
        var json = JsonNode.Parse(report.ToJson())!.AsObject();
        json["moves"] = new JsonArray([.. moves.Select(m => (JsonNode)new JsonObject
        {
            ["variant"] = m.Variant,
            ["decision"] = m.Outcome == DecisionOutcome.Promote ? "promote" : "rollback",
            ["result"] = Result(m.Effect),
            ["message"] = m.Message,
        })]);
        return json.ToJsonString(Indented);
    }

    private static string Moves(IReadOnlyList<AutopilotMove> moves) => moves.Count == 0
        ? Environment.NewLine + "Acted: no decision of a decide: auto rule to act on."
        : Environment.NewLine + string.Join(Environment.NewLine, moves.Select(m => $"Acted ({Result(m.Effect)}): {m.Message}"));

    private static string Result(AutopilotEffect result) => result switch
    {
        AutopilotEffect.Moved => "moved",
        AutopilotEffect.AlreadyDone => "already_done",
        AutopilotEffect.Refused => "refused",
        _ => "not_movable",
    };
}
