using System.Text.Json;
using Gangway.Deployment;

namespace Gangway.Tests.Deployment;

public class RoutingKeyTests
{
    [Theory]
    [InlineData("892")]
    [InlineData("892.0")]
    [InlineData("\"892\"")]
    [InlineData("\" 892 \"")]
    [InlineData("8.92e2")]
    public void FromJson_OneNumberWrittenAnyWay_IsOneKey(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal("892", RoutingKey.FromJson(document.RootElement));
    }

    [Theory]
    [InlineData(892.0, "892")]
    [InlineData(-0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    public void FromNumber_GivesTheShortestInvariantText(double value, string? expected)
    {
        Assert.Equal(expected, RoutingKey.FromNumber(value));
    }

    [Theory]
    [InlineData(" cust-17 ", "cust-17")]
    [InlineData("00892", "892")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void FromText_TrimsAndReadsNumbers(string? value, string? expected)
    {
        Assert.Equal(expected, RoutingKey.FromText(value));
    }

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("-9007199254740993")]
    [InlineData(" 892.0 ")]
    [InlineData("1e20")]
    [InlineData("cust-17")]
    public void FromText_SameTextAsThePredictionLogsKey(string value)
    {
        // A customer routed by a field and looked up later by its logged key must be one key in both places.
        var routed = RoutingKey.FromText(value);
        var logged = System.Text.Json.JsonDocument.Parse(Gangway.PredictionLog.PredictionKey.Canonical("CustomerId", value)!).RootElement.GetProperty("CustomerId").GetString();

        Assert.Equal(logged, routed);
    }

    [Theory]
    [InlineData(" 892 ", "892")]
    [InlineData(" A-1 ", "A-1")]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void FromHeader_TrimsAndKeepsTheText(string? value, string? expected)
    {
        Assert.Equal(expected, RoutingKey.FromHeader(value));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    [InlineData("[1]", null)]
    public void FromJson_OtherKinds(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, RoutingKey.FromJson(document.RootElement));
    }
}
