using System.Text.Json;
using Gangway.Data;
using Gangway.Monitoring;
using Gangway.Monitoring.Drift;

namespace Gangway.Tests.Monitoring.Drift;

public class DriftReportTests
{
    private static readonly Table Reference = new(
        new NumericColumn("Age", [.. Enumerable.Range(0, 40).Select(i => 20.0 + i)]),
        new TextColumn("Sex", [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "male" : "female")]),
        new NumericColumn("Fare", [.. Enumerable.Range(0, 40).Select(i => 10.0 + i)]));

    private static readonly Table Current = new(
        new NumericColumn("Age", [.. Enumerable.Range(0, 40).Select(i => 60.0 + i)]),
        new TextColumn("Sex", [.. Enumerable.Range(0, 40).Select(i => i < 4 ? "unknown" : i % 2 == 0 ? "male" : "female")]));

    private static DriftReport Report() => DriftDetector.Compare(ExactDistributions.Of(Reference), ExactDistributions.Of(Current));

    [Fact]
    public void ToJson_Report_WritesDataSetAndPerColumnStatisticsInSnakeCase()
    {
        using var json = JsonDocument.Parse(Report().ToJson());
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("columns").GetInt32());
        Assert.Equal(2, root.GetProperty("drifted_columns").GetInt32());
        Assert.True(root.GetProperty("drifted").GetBoolean());
        Assert.Equal("Fare", root.GetProperty("missing_columns")[0].GetString());
        var age = root.GetProperty("per_column")[0];
        Assert.Equal("ks", age.GetProperty("method").GetString());
        Assert.Equal("p_value", age.GetProperty("threshold_on").GetString());
        Assert.Equal(1.0, age.GetProperty("statistics").GetProperty("ks").GetProperty("value").GetDouble());
        Assert.True(age.GetProperty("statistics").GetProperty("wasserstein").GetProperty("value").GetDouble() > 2);
        var sex = root.GetProperty("per_column")[1];
        Assert.Equal(JsonValueKind.Null, sex.GetProperty("statistic").ValueKind);
        Assert.Equal("unknown", sex.GetProperty("new_categories")[0].GetProperty("category").GetString());
        Assert.Equal(0.1, sex.GetProperty("new_categories")[0].GetProperty("share").GetDouble(), 12);
        Assert.Equal(0.0, sex.GetProperty("current").GetProperty("missing_rate").GetDouble());
    }

    [Fact]
    public void ToText_Report_ShowsTheVerdictTheTableAndNewCategories()
    {
        var text = Report().ToText();

        Assert.Contains("2 of 2 columns drifted", text, StringComparison.Ordinal);
        Assert.Contains("DRIFT", text, StringComparison.Ordinal);
        Assert.Matches(@"Age\s+ks\s+1\.0000\s+0\.0000\s+p < 0\.05\s+DRIFT", text);
        Assert.Matches(@"Sex\s+chi2\s+inf", text);
        Assert.Contains("New categories in Sex: unknown (10%)", text, StringComparison.Ordinal);
        Assert.Contains("Not in the current data: Fare", text, StringComparison.Ordinal);
    }
}
