using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Stores;

namespace Gangway.Cli.Infrastructure;

/// <summary>The JSON that <c>--json</c> prints for store records: snake_case keys, ISO 8601 UTC times.</summary>
internal static class StoreJson
{
    public static JsonObject Run(RunRecord run, bool full)
    {
        var json = new JsonObject
        {
            ["run_id"] = run.Id,
            ["experiment"] = run.Experiment,
            ["name"] = run.Name,
            ["parent_run_id"] = run.ParentRunId,
            ["status"] = run.Status.ToString().ToLowerInvariant(),
            ["started_at"] = Time(run.StartedAt),
            ["ended_at"] = run.EndedAt is { } ended ? Time(ended) : null,
            ["duration_seconds"] = run.Duration?.TotalSeconds,
            ["created_by"] = run.CreatedBy,
            ["metrics"] = Object(run.Metrics),
        };
        if (full)
        {
            json["params"] = Object(run.Params);
            json["tags"] = Object(run.Tags);
            json["lineage"] = run.Lineage is null ? null : SnakeCaseJson.Keys(JsonNode.Parse(run.Lineage));
            json["artifacts"] = new JsonArray([.. run.Artifacts.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["size"] = a.Size, ["sha256"] = a.Sha256 })]);
        }

        return json;
    }

    public static JsonObject Version(ModelVersionRecord version, IEnumerable<string> aliases) => new()
    {
        ["name"] = version.Model,
        ["version"] = version.Version,
        ["run_id"] = version.RunId,
        ["artifact"] = version.Artifact,
        ["sha256"] = version.Sha256,
        ["created_at"] = Time(version.CreatedAt),
        ["created_by"] = version.CreatedBy,
        ["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)JsonValue.Create(a))]),
    };

    public static JsonObject Model(RegisteredModel model) => new()
    {
        ["name"] = model.Name,
        ["created_at"] = Time(model.CreatedAt),
        ["latest_version"] = model.LatestVersion,
        ["aliases"] = new JsonObject([.. model.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
    };

    public static JsonObject AliasChange(AliasChange change) => new()
    {
        ["alias"] = change.Alias,
        ["version"] = change.Version,
        ["previous_version"] = change.PreviousVersion,
        ["kind"] = change.Kind,
        ["changed_at"] = Time(change.ChangedAt),
        ["actor"] = change.Actor,
        ["reason"] = change.Reason,
    };

    public static JsonObject Audit(AuditEntry entry) => new()
    {
        ["id"] = entry.Id,
        ["at"] = Time(entry.At),
        ["actor"] = entry.Actor,
        ["action"] = entry.Action,
        ["subject"] = entry.Subject,
        ["details"] = JsonNode.Parse(entry.Details),
        ["reason"] = entry.Reason,
    };

    public static JsonObject Evaluation(EvaluationRecord evaluation) => new()
    {
        ["evaluation_id"] = evaluation.Id,
        ["run_id"] = evaluation.RunId,
        ["version"] = evaluation.VersionReference,
        ["data"] = evaluation.DataName,
        ["data_sha256"] = evaluation.DataSha256,
        ["evaluated_at"] = Time(evaluation.EvaluatedAt),
        ["evaluated_by"] = evaluation.EvaluatedBy,
        ["metrics"] = Object(evaluation.Metrics),
    };

    public static JsonArray Evaluations(IEnumerable<EvaluationRecord> evaluations) => new([.. evaluations.Select(e => (JsonNode)Evaluation(e))]);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static JsonObject Object(IReadOnlyDictionary<string, string> values) =>
        new([.. values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))]);

    private static JsonObject Object(IReadOnlyDictionary<string, double> values) =>
        new([.. values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))]);
}
