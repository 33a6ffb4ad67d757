using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;
using Gangway.Tests.Pipelines;

namespace Gangway.Tests.Features;

/// <summary>Every feature estimator, alone and composed, for the shared conformance suite.</summary>
public sealed class FeatureEstimatorCases : IEstimatorCaseSource
{
    private const double NaN = double.NaN;

    /// <summary>Eight Titanic-like passengers with missing Age, Fare and Embarked values.</summary>
    public static Table Passengers { get; } = new(
        new NumericColumn("PassengerId", [1, 2, 3, 4, 5, 6, 7, 8]),
        new NumericColumn("Pclass", [3, 1, 3, 1, 3, 3, 1, 2]),
        new TextColumn("Name",
        [
            "Braund, Mr. Owen Harris", "Cumings, Mrs. John Bradley", "Heikkinen, Miss. Laina", "Futrelle, Mrs. Jacques Heath",
            "Allen, Mr. William Henry", "Moran, Mr. James", "McCarthy, Dr. Timothy J", "Palsson, Master. Gosta Leonard",
        ]),
        new TextColumn("Sex", ["male", "female", "female", "female", "male", "male", "male", "male"]),
        new NumericColumn("Age", [22, 38, 26, 35, 35, NaN, 54, 2]),
        new NumericColumn("SibSp", [1, 1, 0, 1, 0, 0, 0, 3]),
        new NumericColumn("Parch", [0, 0, 0, 0, 0, 0, 0, 1]),
        new TextColumn("Ticket", ["A/5 21171", "PC 17599", "STON/O2. 3101282", "113803", "373450", "330877", "17463", "349909"]),
        new NumericColumn("Fare", [7.25, 71.2833, 7.925, 53.1, 8.05, 8.4583, 51.8625, NaN]),
        new TextColumn("Embarked", ["S", "C", "S", "S", "S", "Q", null, "S"]));

    public IEnumerable<EstimatorCase> Cases =>
    [
        Case("select", () => new SelectColumnsEstimator(["Pclass", "Sex", "Age"]), "Sex", null),
        Case("drop then sum", () => new PipelineEstimator(new DropColumnsEstimator(["Ticket", "NotThere"]), new SumColumnsEstimator(["SibSp", "Parch"], "Relatives")), "SibSp", Text("SibSp")),
        Case("impute median", () => new ImputingEstimator(["Age", "Fare"], ImputationStrategy.Median), "Age", Text("Age")),
        Case("impute mean", () => new ImputingEstimator(["Fare"], ImputationStrategy.Mean), "Fare", Text("Fare")),
        Case("impute most_frequent text", () => new ImputingEstimator(["Embarked"], ImputationStrategy.MostFrequent), "Embarked", null),
        Case("impute constant", () => new ImputingEstimator(["Age"], ImputationStrategy.Constant, "-1"), "Age", null),
        Case("one_hot", () => new OneHotEncodingEstimator(["Sex", "Pclass"]), "Sex", null),
        Case("one_hot all_zeros drop_first", () => new OneHotEncodingEstimator(["Embarked"], UnknownCategoryPolicy.AllZeros, dropFirst: true), "Embarked", null),
        Case("standard_scale", () => new StandardScalingEstimator(["Age", "Fare"]), "Fare", Text("Fare")),
        Case("standard_scale without mean", () => new StandardScalingEstimator(["Age"], withMean: false), "Age", Text("Age")),
        Case("bin quantile", () => new BinningEstimator(["Age"], 4), "Age", Text("Age")),
        Case("bin uniform", () => new BinningEstimator(["Fare"], 3, BinningStrategy.Uniform), "Fare", Text("Fare")),
        Case("title", () => new TitleExtractingEstimator(), "Name", new NumericColumn("Name", new double[8])),
        Case("family size", () => new SumColumnsEstimator(["SibSp", "Parch"], "FamilySize", 1), "Parch", Text("Parch")),
        Case("column_transformer passthrough", () => TitanicColumns(RemainderPolicy.Passthrough), "Age", Text("Age")),
        Case("column_transformer drop", () => TitanicColumns(RemainderPolicy.Drop), "Fare", Text("Fare")),
        Case("pipeline", () => new PipelineEstimator(
            new TitleExtractingEstimator(),
            new SumColumnsEstimator(["SibSp", "Parch"], "FamilySize", 1),
            new ImputingEstimator(["Age"], ImputationStrategy.Median),
            new OneHotEncodingEstimator(["Title", "Sex"], UnknownCategoryPolicy.AllZeros),
            new DropColumnsEstimator(["Name", "Ticket", "Embarked"])), "Name", Numbers("Name")),
    ];

    /// <summary>Numeric imputation and scaling for Age and Fare, categorical imputation and one-hot for Sex and Embarked.</summary>
    public static ColumnTransformerEstimator TitanicColumns(RemainderPolicy remainder) => new(
        [
            new ColumnTransformerPart(
                "numeric",
                new PipelineEstimator(new ImputingEstimator(["Age", "Fare"], ImputationStrategy.Median), new StandardScalingEstimator(["Age", "Fare"])),
                ["Age", "Fare"]),
            new ColumnTransformerPart(
                "categorical",
                new PipelineEstimator(new ImputingEstimator(["Embarked"], ImputationStrategy.MostFrequent), new OneHotEncodingEstimator(["Sex", "Embarked"])),
                ["Sex", "Embarked"]),
        ],
        remainder);

    private static EstimatorCase Case(string name, Func<IEstimator> create, string required, Column? wrongType) =>
        new($"features: {name}", create, Passengers, required, wrongType);

    private static TextColumn Text(string name) => new(name, [.. Enumerable.Repeat<string?>("x", Passengers.RowCount)]);

    private static NumericColumn Numbers(string name) => new(name, new double[Passengers.RowCount]);
}
