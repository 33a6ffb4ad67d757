using System.Text.Json;
using Gangway.PredictionLog;

namespace Gangway.Tests.PredictionLog;

public sealed class PredictionKeyTests
{
    [Theory]
    [InlineData(892)]
    [InlineData(892L)]
    [InlineData(892.0)]
    [InlineData("892")]
    [InlineData(" 892.0 ")]
    [InlineData("8.92e2")]
    public void Canonical_SameNumberInAnyForm_IsOneText(object value) =>
        Assert.Equal("""{"PassengerId":"892"}""", PredictionKey.Canonical("PassengerId", value));

    [Fact]
    public void Canonical_JsonNumberOrString_MatchesCsvText()
    {
        using var body = JsonDocument.Parse("""{"a": 892.0, "b": "892"}""");

        Assert.Equal(PredictionKey.Canonical("PassengerId", "892"), PredictionKey.Canonical("PassengerId", body.RootElement.GetProperty("a")));
        Assert.Equal(PredictionKey.Canonical("PassengerId", "892"), PredictionKey.Canonical("PassengerId", body.RootElement.GetProperty("b")));
    }

    [Fact]
    public void Canonical_SeveralColumns_SortedByNameWhateverTheOrderGiven()
    {
        var one = PredictionKey.Canonical([new("Ticket", "A/5 21171"), new("PassengerId", 1)]);
        var other = PredictionKey.Canonical([new("PassengerId", "1"), new("Ticket", " A/5 21171")]);

        Assert.Equal("""{"PassengerId":"1","Ticket":"A/5 21171"}""", one);
        Assert.Equal(one, other);
    }

    [Fact]
    public void Canonical_FractionsAndText_KeptDistinct()
    {
        Assert.Equal("""{"k":"892.5"}""", PredictionKey.Canonical("k", 892.5));
        Assert.NotEqual(PredictionKey.Canonical("k", "892"), PredictionKey.Canonical("k", "892a"));
        Assert.NotEqual(PredictionKey.Canonical("k", "abc"), PredictionKey.Canonical("K", "abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(double.NaN)]
    public void Canonical_MissingValue_IsNull(object? value) => Assert.Null(PredictionKey.Canonical("PassengerId", value));

    [Fact]
    public void Canonical_NoColumnsOrOneMissing_IsNull()
    {
        Assert.Null(PredictionKey.Canonical([]));
        Assert.Null(PredictionKey.Canonical([new("PassengerId", 1), new("Ticket", null)]));
    }
}
