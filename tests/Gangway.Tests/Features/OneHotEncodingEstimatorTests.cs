using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Tests.Features;

public sealed class OneHotEncodingEstimatorTests
{
    private static readonly Table Training = new(
        new NumericColumn("Pclass", [3, 1, 10, 3]),
        new TextColumn("Sex", ["male", "female", "female", "male"]),
        new NumericColumn("Age", [22, 38, 26, 35]));

    [Fact]
    public void Transform_TextColumn_ReplacesItWithSortedZeroOneColumnsAtTheEnd()
    {
        var output = new OneHotEncodingEstimator(["Sex"]).Fit(Training).Transform(Training);

        Assert.Equal(["Pclass", "Age", "Sex_female", "Sex_male"], output.ColumnNames);
        Assert.Equal([0, 1, 1, 0], output.GetNumeric("Sex_female").Values.ToArray());
        Assert.Equal([1, 0, 0, 1], output.GetNumeric("Sex_male").Values.ToArray());
    }

    [Fact]
    public void Fit_NumericColumn_SortsNumericallyAndFormatsNames()
    {
        var fitted = new OneHotEncodingEstimator(["Pclass"]).Fit(Training);

        Assert.Equal(["1", "3", "10"], fitted.Categories[0]);
        Assert.Equal(["Pclass_1", "Pclass_3", "Pclass_10"], fitted.OutputColumns);
    }

    [Fact]
    public void Transform_UnknownCategoryWithErrorPolicy_ThrowsWithRowValueAndKnownCategories()
    {
        var fitted = new OneHotEncodingEstimator(["Sex"]).Fit(Training);
        var prediction = new Table(new TextColumn("Sex", ["male", "female", "male", "x"]));

        var ex = Assert.Throws<GangwayException>(() => fitted.Transform(prediction));

        Assert.Equal("Column 'Sex' has unknown category 'x' in row 3; known categories: female, male.", ex.Message);
        Assert.Equal(3, ex.Row);
        Assert.Equal("Sex", ex.Column);
        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
    }

    [Fact]
    public void Transform_MissingValueWithErrorPolicy_SaysMissingAndSuggestsImputing()
    {
        var fitted = new OneHotEncodingEstimator(["Sex"]).Fit(Training);
        var prediction = new Table(new TextColumn("Sex", [null]));

        var ex = Assert.Throws<GangwayException>(() => fitted.Transform(prediction));

        Assert.Contains("is missing a value in row 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'impute'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Row);
    }

    [Fact]
    public void Transform_UnknownAndMissingWithAllZeros_WriteZerosInEveryColumn()
    {
        var fitted = new OneHotEncodingEstimator(["Pclass"], UnknownCategoryPolicy.AllZeros).Fit(Training);
        var prediction = new Table(new NumericColumn("Pclass", [2, double.NaN, 10]));

        var output = fitted.Transform(prediction);

        Assert.Equal([0, 0, 0], output.GetNumeric("Pclass_1").Values.ToArray());
        Assert.Equal([0, 0, 0], output.GetNumeric("Pclass_3").Values.ToArray());
        Assert.Equal([0, 0, 1], output.GetNumeric("Pclass_10").Values.ToArray());
    }

    [Fact]
    public void Transform_DropFirst_LeavesOutFirstCategory()
    {
        var output = new OneHotEncodingEstimator(["Sex"], dropFirst: true).Fit(Training).Transform(Training);

        Assert.Equal(["Pclass", "Age", "Sex_male"], output.ColumnNames);
    }

    [Fact]
    public void Transform_PredictionDataWithFewerCategories_KeepsTrainingColumns()
    {
        // The notebook called get_dummies on the prediction file, which loses columns for absent categories.
        var fitted = new OneHotEncodingEstimator(["Sex", "Pclass"]).Fit(Training);
        var prediction = new Table(new NumericColumn("Pclass", [3]), new TextColumn("Sex", ["female"]), new NumericColumn("Age", [5]));

        var output = fitted.Transform(prediction);

        Assert.Equal(["Age", "Sex_female", "Sex_male", "Pclass_1", "Pclass_3", "Pclass_10"], output.ColumnNames);
        Assert.Equal(1, output.GetNumeric("Pclass_3")[0]);
        Assert.Equal(0, output.GetNumeric("Sex_male")[0]);
    }

    [Fact]
    public void Fit_OutputNameTakenByAnotherColumn_Throws()
    {
        var data = Training.With(new NumericColumn("Sex_male", [0, 0, 0, 0]));

        var ex = Assert.Throws<GangwayException>(() => new OneHotEncodingEstimator(["Sex"]).Fit(data));

        Assert.Contains("'Sex_male'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AllMissing_ThrowsSuggestingImputation()
    {
        var data = new Table(new TextColumn("Cabin", [null, null]));

        var ex = Assert.Throws<GangwayException>(() => new OneHotEncodingEstimator(["Cabin"]).Fit(data));

        Assert.Contains("Column 'Cabin' has no categories", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SavedNumericCategories_RoundTripExactly()
    {
        var data = new Table(new NumericColumn("Ratio", [0.1, 1.0 / 3, 0.1]));
        var fitted = new OneHotEncodingEstimator(["Ratio"], UnknownCategoryPolicy.AllZeros, dropFirst: true).Fit(data);

        var loaded = (OneHotEncodingTransformer)SavedModel.FromEntries(SavedModel.From(fitted).ToEntries()).Load();

        Assert.Equal(fitted.Categories[0], loaded.Categories[0]);
        Assert.Equal(UnknownCategoryPolicy.AllZeros, loaded.Unknown);
        Assert.True(loaded.DropFirst);
        Assert.Equal(1, loaded.Transform(data).GetNumeric($"Ratio_{Column.FormatNumber(1.0 / 3)}")[1]);
    }
}
