using System.CommandLine;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Data;
using Gangway.Feedback;
using Gangway.PredictionLog;

namespace Gangway.Cli.Commands.Feedback;

/// <summary>
/// <c>gangway feedback import --model titanic --data outcomes.csv --key PassengerId --label Survived [--reward Upgraded]</c>:
/// outcomes that arrive in batches, matched by business key to the latest logged prediction of the model and recorded
/// through <see cref="FeedbackRecorder"/> (as <c>POST /feedback</c> does). Prints the counts; names each bad row.
/// </summary>
internal static class FeedbackImportCommand
{
    private const int ErrorsShown = 20;

    public static Command Create(CliHost host)
    {
        var model = new Option<string>("--model") { Description = "The model whose logged predictions the keys name.", Required = true };
        var data = CliOptions.RequiredPath("--data", "The outcomes: a CSV file with the key column(s) and a label and/or reward column.");
        var key = new Option<string>("--key") { Description = "The business key column(s), comma-separated (e.g. PassengerId).", Required = true };
        var label = new Option<string?>("--label") { Description = "The column with the true label (e.g. Survived)." };
        var reward = new Option<string?>("--reward") { Description = "The column with the reward, a number or true/false (e.g. Upgraded)." };
        var classes = new Option<string?>("--classes") { Description = "The model's class labels, comma-separated (e.g. 0,1): a label must be one of them; 1.0 and true match 1." };
        var retention = new Option<string?>("--retention") { Description = "The log's retention (e.g. 30d): feedback for older predictions is counted late, not recorded." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("import", "Record outcomes from a CSV file against the logged predictions, matched by business key.")
        {
            model, data, key, label, reward, classes, retention, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var modelName = parse.GetValue(model)!;
            var path = parse.GetValue(data)!;
            var columns = new OutcomeColumns(Split(parse.GetValue(key)!), parse.GetValue(label), parse.GetValue(reward));
            var (inputs, readErrors) = OutcomeFile.Read(path, columns);
            var options = new FeedbackOptions
            {
                Source = "import:" + Path.GetFileName(path),
                Model = modelName,
                Retention = parse.GetValue(retention) is { } text ? Durations.Parse(text, "--retention") : null,
                ClassLabels = parse.GetValue(classes) is { } list ? new Dictionary<string, IReadOnlyList<string>> { [modelName] = Split(list) } : null,
                Time = context.Time,
            };
            var store = await context.OpenStoreAsync(cancellationToken);
            var summary = await FeedbackRecorder.RecordAsync(store, [.. inputs.Select(i => i.Input)], options, cancellationToken);
            var errors = readErrors.Concat(summary.Errors.Select(e => e.Describe($"row {inputs[e.Index].Row}"))).ToList();
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(Json(summary, errors).ToJsonString());
            }
            else
            {
                context.Output.WriteLine(
                    $"Feedback for model '{modelName}' from {Path.GetFileName(path)}: {summary.Accepted} accepted ({summary.Duplicate} duplicate), " +
                    $"{summary.Unknown} unknown, {summary.Late} late, {errors.Count} invalid.");
            }

            errors.Take(ErrorsShown).ToList().ForEach(error => context.Error.WriteLine($"error: {error}"));
            if (errors.Count > ErrorsShown)
            {
                context.Error.WriteLine($"error: ... and {errors.Count - ErrorsShown} more invalid row(s).");
            }

            if (summary.Accepted == 0 && summary.Unknown > 0 && errors.Count == 0 && summary.Late == 0)
            {
                throw new GangwayException(
                    ErrorKind.NotFound,
                    $"None of the {summary.Unknown} key(s) in {Path.GetFileName(path)} matches a logged prediction of model '{modelName}' in store '{store.DisplayUri}'; " +
                    "check --model, --key and --store, and that the predictions were logged ('gangway log export' shows them).");
            }

            return errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static List<string> Split(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static JsonObject Json(FeedbackSummary summary, List<string> errors) => new()
    {
        ["accepted"] = summary.Accepted,
        ["duplicate"] = summary.Duplicate,
        ["unknown"] = summary.Unknown,
        ["late"] = summary.Late,
        ["invalid"] = errors.Count,
        ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)JsonValue.Create(e))]),
    };
}
