using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class BinaryClassificationEvaluatorTests
{
    private static BinaryClassificationEvaluator Evaluator(
        string positive = "yes", string[]? slices = null, IBaseline[]? baselines = null) =>
        new(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = "Survived",
            PositiveClass = positive,
            SliceColumns = slices ?? [],
            Baselines = baselines ?? [],
        });

    [Fact]
    public void Evaluate_TextLabels_ComparesWithPositiveClass()
    {
        var report = Evaluator().Evaluate(ScoredTables.Text());

        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1, "yes", "no"), report.Overall.ConfusionMatrix);
        Assert.Equal(4.0 / 6, report.Overall.Accuracy, 1e-12);
        Assert.Equal(8.0 / 9, report.Overall.RocAuc!.Value, 1e-12);
        Assert.Equal("Survived", report.LabelColumn);
    }

    [Fact]
    public void Evaluate_NumericLabels_GivesSameMetricsAsTextLabels()
    {
        var numeric = Evaluator("1").Evaluate(ScoredTables.Numeric()).Overall;
        var text = Evaluator().Evaluate(ScoredTables.Text()).Overall;

        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1, "1", "0"), numeric.ConfusionMatrix);
        Assert.Equal(text with { ConfusionMatrix = numeric.ConfusionMatrix, Calibration = numeric.Calibration }, numeric);
        Assert.Equal(text.Calibration, numeric.Calibration);
    }

    [Fact]
    public void Evaluate_NumericPositiveClassWrittenAsDecimal_IsNormalised()
    {
        var report = Evaluator("1.0").Evaluate(ScoredTables.Numeric());

        Assert.Equal("1", report.Overall.ConfusionMatrix.PositiveLabel);
        Assert.Equal(3, report.Overall.Positives);
    }

    [Fact]
    public void Evaluate_PositiveClassSetToOtherLabel_SwapsTheConfusionMatrix()
    {
        var report = Evaluator("no").Evaluate(ScoredTables.Text());

        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1, "no", "yes"), report.Overall.ConfusionMatrix);
        Assert.Equal(1.0 / 9, report.Overall.RocAuc!.Value, 1e-12);
    }

    [Fact]
    public void Evaluate_MissingLabel_ThrowsNamingTheRow()
    {
        var table = ScoredTables.Text().With(new TextColumn("Survived", ["yes", "yes", null, "no", "yes", "no"]));

        var error = Assert.Throws<GangwayException>(() => Evaluator().Evaluate(table));

        Assert.Equal(2, error.Row);
        Assert.Equal("Survived", error.Column);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ProbabilityOutOfRange_ThrowsNamingRowAndValue()
    {
        var table = ScoredTables.Text().With(new NumericColumn("probability", [0.9, 0.4, 1.5, 0.2, 0.8, 0.1]));

        var error = Assert.Throws<GangwayException>(() => Evaluator().Evaluate(table));

        Assert.Equal(2, error.Row);
        Assert.Contains("'probability' must be between 0 and 1; row 2 has 1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThreeClasses_ThrowsListingThem()
    {
        var table = ScoredTables.Text().With(new TextColumn("prediction", ["yes", "no", "maybe", "no", "yes", "no"]));

        var error = Assert.Throws<GangwayException>(() => Evaluator().Evaluate(table));

        Assert.Contains("found maybe, no, yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PositiveClassAbsent_ThrowsListingValuesPresent()
    {
        var error = Assert.Throws<GangwayException>(() => Evaluator("Yes").Evaluate(ScoredTables.Text()));

        Assert.Contains("Positive class 'Yes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("values present: no, yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingSliceColumn_ThrowsListingColumns()
    {
        var error = Assert.Throws<GangwayException>(() => Evaluator(slices: ["Embarked"]).Evaluate(ScoredTables.Text()));

        Assert.Contains("Could not find column 'Embarked'. Columns present: Survived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TextSliceWithMissingValues_GroupsMissingLast()
    {
        var slices = Evaluator(slices: ["Sex"]).Evaluate(ScoredTables.Text()).Slices;

        Assert.Equal(["female", "male", "(missing)"], slices.Select(s => s.Value));
        Assert.All(slices, s => Assert.Equal("Sex", s.Column));
        Assert.Equal([3, 2, 1], slices.Select(s => s.Metrics.Rows));
        Assert.Equal(new ConfusionMatrix(2, 1, 0, 0, "yes", "no"), slices[0].Metrics.ConfusionMatrix);
        Assert.Equal(new ConfusionMatrix(0, 0, 1, 1, "yes", "no"), slices[1].Metrics.ConfusionMatrix);
        Assert.Null(slices[2].Metrics.RocAuc);
    }

    [Fact]
    public void Evaluate_NumericSlice_SortsValuesNumerically()
    {
        var slices = Evaluator(slices: ["Pclass", "Sex"]).Evaluate(ScoredTables.Text()).Slices;

        Assert.Equal(["1", "2", "3", "10"], slices.Where(s => s.Column == "Pclass").Select(s => s.Value));
        Assert.Equal(7, slices.Count);
    }

    [Fact]
    public void Evaluate_Baselines_EvaluatedOnSameRowsInOptionOrder()
    {
        var baselines = Evaluator(baselines: [new RuleBaseline("women_survive", "Sex", "female"), new MajorityClassBaseline(0.25)])
            .Evaluate(ScoredTables.Text()).Baselines;

        Assert.Equal(["women_survive", "majority_class"], baselines.Select(b => b.Name));
        // Rule: female rows 0, 2, 4 positive → tp 0, 4; fp 2; fn 1; tn 3, 5.
        Assert.Equal(new ConfusionMatrix(2, 1, 2, 1, "yes", "no"), baselines[0].Metrics.ConfusionMatrix);
        // Majority (rate 0.25 < 0.5) predicts "no" everywhere.
        Assert.Equal(new ConfusionMatrix(0, 0, 3, 3, "yes", "no"), baselines[1].Metrics.ConfusionMatrix);
        Assert.Equal(0.5, baselines[1].Metrics.RocAuc);
        Assert.Equal(((3 * 0.75 * 0.75) + (3 * 0.25 * 0.25)) / 6, baselines[1].Metrics.Brier, 1e-12);
    }

    [Fact]
    public void Evaluate_BaselineReturningBadProbability_ThrowsNamingIt()
    {
        var error = Assert.Throws<GangwayException>(
            () => Evaluator(baselines: [new MajorityClassBaseline(0.5), new BrokenBaseline()]).Evaluate(ScoredTables.Text()));

        Assert.Contains("baseline 'broken' must be between 0 and 1; row 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedBaselineName_Throws()
    {
        var error = Assert.Throws<GangwayException>(
            () => Evaluator(baselines: [new MajorityClassBaseline(0.5), new MajorityClassBaseline(0.2)]));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("'majority_class' appears 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptyTable_Throws()
    {
        var empty = ScoredTables.Text().Take([]);

        var error = Assert.Throws<GangwayException>(() => Evaluator().Evaluate(empty));

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    private sealed class BrokenBaseline : IBaseline
    {
        public string Name => "broken";

        public IReadOnlyList<double> PredictProbabilities(Table data) => Enumerable.Repeat(2.0, data.RowCount).ToArray();
    }
}
