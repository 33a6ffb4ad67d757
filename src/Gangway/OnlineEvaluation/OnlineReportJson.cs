using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.OnlineEvaluation;

/// <summary>Writes an <see cref="OnlineReport"/> as snake_case JSON.</summary>
internal static class OnlineReportJson
{
    // Reasons hold '+' and quotes, which the default encoder escapes; this output is never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(OnlineReport report)
    {
        var root = new JsonObject
        {
            ["model"] = report.Model,
            ["since"] = report.Since?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["confidence"] = report.Confidence,
            ["variants"] = new JsonArray([.. report.Variants.Select(Variant)]),
            ["rules"] = report.Rules is { } rules ? Rules(rules) : null,
            ["decisions"] = new JsonArray([.. report.Decisions.Select(Decision)]),
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject Variant(VariantMetrics metrics) => new()
    {
        ["variant"] = metrics.Variant,
        ["shadow"] = metrics.IsShadow,
        ["predictions"] = metrics.Predictions,
        ["labelled"] = metrics.Labelled,
        ["rewarded"] = metrics.Rewarded,
        ["accuracy"] = Estimate(metrics.Accuracy),
        ["roc_auc"] = Estimate(metrics.RocAuc),
        ["log_loss"] = Estimate(metrics.LogLoss),
        ["brier"] = Estimate(metrics.Brier),
        ["expected_calibration_error"] = Estimate(metrics.ExpectedCalibrationError),
        ["mean_reward"] = Estimate(metrics.MeanReward),
    };

    private static JsonObject? Estimate(OnlineEstimate? estimate) => estimate is null ? null : new JsonObject
    {
        ["value"] = MetricsJson.Number(estimate.Value),
        ["lower"] = MetricsJson.Number(estimate.Interval?.Lower),
        ["upper"] = MetricsJson.Number(estimate.Interval?.Upper),
    };

    private static JsonObject Rules(DecisionRules rules) => new()
    {
        ["champion"] = rules.Champion,
        ["decide"] = rules.Decide == DecisionMode.Auto ? "auto" : "report",
        ["promote_when"] = Rule(rules.PromoteWhen),
        ["rollback_when"] = Rule(rules.RollbackWhen),
    };

    private static JsonObject? Rule(DecisionRule? rule) => rule is null ? null : new JsonObject
    {
        ["metric"] = DecisionMetrics.NameOf(rule.Metric),
        ["margin"] = rule.Margin,
        ["confidence"] = rule.Confidence,
        ["minimum_labelled"] = rule.MinimumLabelled,
    };

    private static JsonObject Decision(VariantDecision decision) => new()
    {
        ["variant"] = decision.Variant,
        ["shadow"] = decision.IsShadow,
        ["decision"] = OutcomeName(decision.Outcome),
        ["acts"] = decision.Acts,
        ["reason"] = decision.Reason,
        ["promote_test"] = Test(decision.PromoteTest),
        ["rollback_test"] = Test(decision.RollbackTest),
    };

    private static JsonObject? Test(SequentialTestResult? test) => test is null ? null : new JsonObject
    {
        ["test"] = "msprt",
        ["paired"] = test.Paired,
        ["champion_records"] = test.ChampionRecords,
        ["challenger_records"] = test.ChallengerRecords,
        ["difference"] = MetricsJson.Number(test.Difference),
        ["lower"] = MetricsJson.Number(test.Lower),
        ["upper"] = MetricsJson.Number(test.Upper),
        ["p_value"] = MetricsJson.Number(test.PValue),
        ["confidence"] = test.Confidence,
    };

    /// <summary>The outcome as JSON and text write it: <c>collecting</c>, <c>keep_running</c>, <c>promote</c>, <c>rollback</c>.</summary>
    public static string OutcomeName(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Collecting => "collecting",
        DecisionOutcome.KeepRunning => "keep_running",
        DecisionOutcome.Promote => "promote",
        _ => "rollback",
    };
}
