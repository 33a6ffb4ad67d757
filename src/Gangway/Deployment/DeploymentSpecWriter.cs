using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.OnlineEvaluation;

namespace Gangway.Deployment;

/// <summary>
/// Writes a <see cref="DeploymentSpec"/> as YAML or JSON that <see cref="DeploymentSpecReader"/> reads back to an equal
/// deployment. Every default is written out, so the text says everything that is served.
/// </summary>
public static class DeploymentSpecWriter
{
    /// <summary>The deployment as YAML (strings double-quoted, so no name or reference needs escaping rules).</summary>
    public static string ToYaml(DeploymentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var yaml = new StringBuilder();
        yaml.Append("model: ").Append(Quote(spec.Model)).Append('\n');
        yaml.Append("variants:\n");
        foreach (var variant in spec.Variants)
        {
            yaml.Append("  - { name: ").Append(Quote(variant.Name)).Append(", model: ").Append(Quote(variant.Model.ToString()))
                .Append(", weight: ").Append(Number(variant.Weight)).Append(" }\n");
        }

        if (spec.Shadows.Count > 0)
        {
            yaml.Append("shadow:\n");
            foreach (var shadow in spec.Shadows)
            {
                yaml.Append("  - { name: ").Append(Quote(shadow.Name)).Append(", model: ").Append(Quote(shadow.Model.ToString())).Append(" }\n");
            }
        }

        if (spec.Sticky is { } sticky)
        {
            yaml.Append("sticky: { ").Append(StickyKeyName(sticky)).Append(": ").Append(Quote(sticky.Name)).Append(" }\n");
        }

        yaml.Append("champion: ").Append(Quote(spec.Champion)).Append('\n');
        Rule(yaml, "promote_when", spec.PromoteWhen);
        Rule(yaml, "rollback_when", spec.RollbackWhen);
        yaml.Append("refresh: ").Append(Durations.Format(spec.Refresh)).Append('\n');
        return yaml.ToString();
    }

    /// <summary>The deployment as one JSON object with the YAML's keys.</summary>
    public static string ToJson(DeploymentSpec spec) => ToJsonObject(spec).ToJsonString();

    /// <summary>The deployment as a JSON object with the YAML's keys (for hosts that embed it in a larger answer).</summary>
    public static JsonObject ToJsonObject(DeploymentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var json = new JsonObject
        {
            ["model"] = spec.Model,
            ["variants"] = new JsonArray([.. spec.Variants.Select(v => (JsonNode)new JsonObject
            {
                ["name"] = v.Name,
                ["model"] = v.Model.ToString(),
                ["weight"] = v.Weight,
            })]),
            ["shadow"] = new JsonArray([.. spec.Shadows.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["model"] = s.Model.ToString() })]),
        };
        if (spec.Sticky is { } sticky)
        {
            json["sticky"] = new JsonObject { [StickyKeyName(sticky)] = sticky.Name };
        }

        json["champion"] = spec.Champion;
        if (spec.PromoteWhen is { } promote)
        {
            json["promote_when"] = RuleJson(promote);
        }

        if (spec.RollbackWhen is { } rollback)
        {
            json["rollback_when"] = RuleJson(rollback);
        }

        json["refresh"] = Durations.Format(spec.Refresh);
        return json;
    }

    private static void Rule(StringBuilder yaml, string key, DeploymentRule? rule)
    {
        if (rule is null)
        {
            return;
        }

        yaml.Append(key).Append(":\n");
        yaml.Append("  metric: ").Append(rule.Metric).Append('\n');
        yaml.Append("  margin: ").Append(Number(rule.Margin)).Append('\n');
        if (rule.Threshold is { } threshold)
        {
            yaml.Append("  threshold: ").Append(Number(threshold)).Append('\n');
        }

        yaml.Append("  confidence: ").Append(Number(rule.Confidence)).Append('\n');
        yaml.Append("  min_labelled: ").Append(rule.MinimumLabelled.ToString(CultureInfo.InvariantCulture)).Append('\n');
        yaml.Append("  decide: ").Append(DecisionText(rule.Decide)).Append('\n');
    }

    private static JsonObject RuleJson(DeploymentRule rule)
    {
        var json = new JsonObject { ["metric"] = rule.Metric, ["margin"] = rule.Margin };
        if (rule.Threshold is { } threshold)
        {
            json["threshold"] = threshold;
        }

        json["confidence"] = rule.Confidence;
        json["min_labelled"] = rule.MinimumLabelled;
        json["decide"] = DecisionText(rule.Decide);
        return json;
    }

    private static string StickyKeyName(StickyKey sticky) => sticky.Source == StickySource.Header ? "header" : "field";

    private static string DecisionText(DecisionMode decision) => decision == DecisionMode.Auto ? "auto" : "report";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
