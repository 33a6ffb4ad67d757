using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Monitoring.Drift;

/// <summary>Writes a <see cref="DriftReport"/> as snake_case JSON; a statistic that is not finite (χ² = ∞) is written as null beside its note.</summary>
internal static class DriftReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DriftReport report) => new JsonObject
    {
        ["reference_rows"] = report.ReferenceRows,
        ["current_rows"] = report.CurrentRows,
        ["rows_left_out"] = report.RowsLeftOut,
        ["columns"] = report.Columns.Count,
        ["drifted_columns"] = report.DriftedCount,
        ["share"] = report.Share,
        ["share_threshold"] = report.ShareThreshold,
        ["drifted"] = report.Drifted,
        ["missing_columns"] = new JsonArray([.. report.MissingColumns.Select(c => (JsonNode?)c)]),
        ["per_column"] = new JsonArray([.. report.Columns.Select(Column)]),
    }.ToJsonString(Indented);

    private static JsonObject Column(ColumnDrift column) => new()
    {
        ["column"] = column.Column,
        ["type"] = column.Type.ToString().ToLowerInvariant(),
        ["compared_as"] = column.ComparedAs == DriftColumnKind.Numeric ? "numeric" : "categorical",
        ["method"] = column.Method,
        ["statistic"] = MetricsJson.Number(column.Statistic.Value),
        ["p_value"] = MetricsJson.Number(column.Statistic.PValue),
        ["threshold"] = column.Threshold,
        ["threshold_on"] = column.ThresholdKind == DriftThresholdKind.PValueBelow ? "p_value" : "statistic",
        ["drifted"] = column.Drifted,
        ["statistics"] = new JsonObject([.. column.Statistics.Select(s => KeyValuePair.Create(s.Method, (JsonNode?)Statistic(s)))]),
        ["new_categories"] = new JsonArray([.. column.NewCategories.Select(c => (JsonNode?)new JsonObject { ["category"] = c.Category, ["share"] = c.Share })]),
        ["reference"] = Counts(column.Reference),
        ["current"] = Counts(column.Current),
    };

    private static JsonObject Statistic(DriftStatistic statistic) => new()
    {
        ["value"] = MetricsJson.Number(statistic.Value),
        ["p_value"] = MetricsJson.Number(statistic.PValue),
        ["note"] = statistic.Note,
    };

    private static JsonObject Counts(ColumnCounts counts) => new()
    {
        ["present"] = counts.Present,
        ["missing"] = counts.Missing,
        ["missing_rate"] = counts.MissingRate,
    };
}
