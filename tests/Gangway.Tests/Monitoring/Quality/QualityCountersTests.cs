using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Monitoring.Quality;
using Gangway.Schema;

namespace Gangway.Tests.Monitoring.Quality;

public class QualityCountersTests
{
    private static readonly DataSchema Contract = DataSchemaReader.Parse("""
        columns:
          Pclass: { type: category, values: ["1", "2", "3"], warn: [values] }
          Sex: { type: category, values: [male, female], warn: [values] }
          Age: { type: real, min: 0, max: 120, warn: [min, max] }
          Fare: { type: real }
          Ignored: { type: real, min: 0, warn: [min] }
        """);

    private static readonly string[] Fields = ["Pclass", "Sex", "Age", "Fare"];

    private static Table Input(double[] pclass, string?[] sex, double[] age, double[] fare) => new(
        new NumericColumn("Pclass", pclass),
        new TextColumn("Sex", sex),
        new NumericColumn("Age", age),
        new NumericColumn("Fare", fare));

    private static Table Scored(params double[] probability) => new(
        new TextColumn(PredictionColumns.Prediction, [.. probability.Select(p => p >= 0.5 ? "yes" : "no")]),
        new NumericColumn(PredictionColumns.Probability, probability));

    private static FieldQuality Field(QualitySnapshot snapshot, string name) => snapshot.Fields.Single(f => f.Field == name);

    [Fact]
    public void Add_MissingValues_CountedPerFieldWithRate()
    {
        var counters = new QualityCounters(Fields, Contract);

        counters.Add(Input([1, 2, 3, 1], ["male", null, "female", null], [30, double.NaN, 40, 50], [7, 8, 9, 10]), Scored(0.1, 0.2, 0.3, 0.4));

        var snapshot = counters.Snapshot();
        Assert.Equal(4, snapshot.Records);
        Assert.Equal(2, Field(snapshot, "Sex").Missing);
        Assert.Equal(0.5, Field(snapshot, "Sex").MissingRate);
        Assert.Equal(1, Field(snapshot, "Age").Missing);
        Assert.Equal(0.25, Field(snapshot, "Age").MissingRate);
        Assert.Equal(0, Field(snapshot, "Fare").Missing);
    }

    [Fact]
    public void Add_MinAndMaxBroken_CountedAsOutOfRange()
    {
        var counters = new QualityCounters(Fields, Contract);

        counters.Add(Input([1, 1, 1], ["male", "male", "male"], [-1, 121, 60], [1, 1, 1]));

        var age = Field(counters.Snapshot(), "Age");
        Assert.Equal(2, age.OutOfRange);
        Assert.Equal(2.0 / 3, age.OutOfRangeRate);
        Assert.Equal(0, age.UnknownCategory);
    }

    [Fact]
    public void Add_ValueNotAllowed_CountedAsUnknownCategory()
    {
        var counters = new QualityCounters(Fields, Contract);

        counters.Add(Input([1, 4, 3], ["male", "other", "x"], [1, 2, 3], [1, 1, 1]));

        var snapshot = counters.Snapshot();
        Assert.Equal(1, Field(snapshot, "Pclass").UnknownCategory);
        Assert.Equal(2, Field(snapshot, "Sex").UnknownCategory);
        Assert.Equal(0, Field(snapshot, "Sex").OutOfRange);
    }

    [Fact]
    public void Add_InfiniteInputsAndNonFiniteOutputs_CountedApart()
    {
        var counters = new QualityCounters(Fields, Contract);

        counters.Add(
            Input([1, 1, 1], ["male", "male", "male"], [1, 2, 3], [double.PositiveInfinity, double.NegativeInfinity, double.NaN]),
            Scored(double.NaN, double.PositiveInfinity, 0.5));

        var snapshot = counters.Snapshot();
        Assert.Equal(2, Field(snapshot, "Fare").NonFinite);
        Assert.Equal(1, Field(snapshot, "Fare").Missing);
        Assert.Equal(2, snapshot.NonFiniteInputs);
        Assert.Equal(2, snapshot.NonFiniteOutputs);
    }

    [Fact]
    public void Add_WithoutContract_CountsMissingOnly()
    {
        var counters = new QualityCounters(Fields);

        counters.Add(Input([9], [null], [-5], [1]));

        var snapshot = counters.Snapshot();
        Assert.Equal(1, Field(snapshot, "Sex").Missing);
        Assert.Equal(0, Field(snapshot, "Age").OutOfRange);
        Assert.Equal(0, Field(snapshot, "Pclass").UnknownCategory);
    }

    [Fact]
    public void Add_FieldNotCounted_IsLeftOut()
    {
        var counters = new QualityCounters(Fields, Contract);

        counters.Add(Input([1], ["male"], [1], [1]).With(new NumericColumn("Ignored", [-3])));

        Assert.DoesNotContain(counters.Snapshot().Fields, f => f.Field == "Ignored");
    }

    [Fact]
    public void Merge_TwoCounters_AddsEveryCount()
    {
        var first = new QualityCounters(Fields, Contract);
        var second = new QualityCounters(Fields, Contract);
        first.Add(Input([1], [null], [200], [1]), Scored(double.NaN));
        second.Add(Input([4, 1], ["male", null], [1, -1], [double.PositiveInfinity, 1]), Scored(0.5, 0.5));

        first.Merge(second);

        var snapshot = first.Snapshot();
        Assert.Equal(3, snapshot.Records);
        Assert.Equal(2, Field(snapshot, "Sex").Missing);
        Assert.Equal(2, Field(snapshot, "Age").OutOfRange);
        Assert.Equal(1, Field(snapshot, "Pclass").UnknownCategory);
        Assert.Equal(1, snapshot.NonFiniteInputs);
        Assert.Equal(1, snapshot.NonFiniteOutputs);
    }

    [Fact]
    public void Merge_FieldOnlyTheOtherCounts_IsAdded()
    {
        var first = new QualityCounters(["Age"]);
        var second = new QualityCounters(["Fare"]);
        second.Add(new Table(new NumericColumn("Fare", [double.NaN])));

        first.Merge(second);

        Assert.Equal(1, Field(first.Snapshot(), "Fare").Missing);
    }

    [Fact]
    public void Snapshot_NoRecords_RatesAreNull()
    {
        var snapshot = new QualityCounters(Fields, Contract).Snapshot();

        Assert.Equal(0, snapshot.Records);
        Assert.All(snapshot.Fields, f => Assert.Null(f.MissingRate));
    }

    [Fact]
    public void ToJson_Counts_SnakeCaseKeysAndRates()
    {
        var counters = new QualityCounters(Fields, Contract);
        counters.Add(Input([1, 1], ["male", "male"], [double.NaN, 130], [1, 1]), Scored(0.5, double.NaN));

        var json = JsonNode.Parse(counters.Snapshot().ToJson())!;

        Assert.Equal(2, json["records"]!.GetValue<long>());
        Assert.Equal(1, json["non_finite_outputs"]!.GetValue<long>());
        var age = json["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "Age")!;
        Assert.Equal(0.5, age["missing_rate"]!.GetValue<double>());
        Assert.Equal(1, age["out_of_range"]!.GetValue<long>());
        Assert.Equal(0.5, age["out_of_range_rate"]!.GetValue<double>());
        Assert.Equal(0, age["unknown_category"]!.GetValue<long>());
    }
}
