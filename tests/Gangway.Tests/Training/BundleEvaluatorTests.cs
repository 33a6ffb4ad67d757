using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Tests.Bundles;
using Gangway.Training;

namespace Gangway.Tests.Training;

public class BundleEvaluatorTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    [Fact]
    public void Evaluate_TitanicOnValidation_GivesTheDocumentedFiguresAndBeatsTheBaselineSpec()
    {
        var model = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation).Overall;
        var notebook = BundleEvaluator.Evaluate(trained.Baseline, TitanicFiles.Validation).Overall;

        Assert.Equal(179, model.Rows);
        // The single look at validation.csv that examples/titanic/README.md reports, after choosing on train.csv alone.
        Assert.Equal(0.8898, model.RocAuc!.Value, 4);
        Assert.Equal(0.8324, model.Accuracy, 4);
        Assert.True(model.RocAuc > notebook.RocAuc, $"ROC AUC {model.RocAuc} does not beat the baseline spec's {notebook.RocAuc}.");
        Assert.True(model.Accuracy > notebook.Accuracy, $"Accuracy {model.Accuracy} does not beat the baseline spec's {notebook.Accuracy}.");
    }

    [Fact]
    public void Evaluate_TitanicOnValidation_ReportsTheSpecSlicesAndBaselines()
    {
        var report = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation);

        Assert.Equal(
            ["Pclass=1", "Pclass=2", "Pclass=3", "Sex=female", "Sex=male"],
            report.Slices.Select(s => $"{s.Column}={s.Value}"));
        Assert.Equal(179, report.Slices.Where(s => s.Column == "Sex").Sum(s => s.Metrics.Rows));
        Assert.Equal([MajorityClassBaseline.DefaultName, "women_survive"], report.Baselines.Select(b => b.Name));
        Assert.True(report.Overall.Accuracy > report.Baselines[0].Metrics.Accuracy);
    }

    [Fact]
    public void Evaluate_WomenSurviveBaseline_PredictsFromTheOriginalSexColumn()
    {
        var validation = TitanicFiles.ReadValidation();
        var sex = validation.GetText("Sex");
        var survived = validation.GetNumeric("Survived");
        var correct = Enumerable.Range(0, validation.RowCount).Count(row => (sex[row] == "female") == (survived[row] == 1));

        var report = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation);

        Assert.Equal((double)correct / validation.RowCount, report.Baselines[1].Metrics.Accuracy, 12);
    }

    [Fact]
    public void Evaluate_TheTrainingData_EqualsTheTrainingMetricsInTheBundle()
    {
        var report = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Train);

        var stored = trained.Titanic.Metrics["training"]!.AsObject();
        stored.Remove("slices");
        stored.Remove("baselines");
        Assert.True(JsonNode.DeepEquals(stored, MetricsJson.Write(report.Overall)), $"Stored: {stored}\nEvaluated: {MetricsJson.Write(report.Overall)}");
    }

    [Fact]
    public void Evaluate_ReadBackBundle_GivesTheSameReport()
    {
        using var temp = new TempDirectory();
        var path = temp.File("titanic.gwb");
        BundleWriter.Write(trained.Titanic, path);

        var read = BundleEvaluator.Evaluate(BundleReader.Read(path), TitanicFiles.Validation);

        Assert.Equal(BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation).ToJson(), read.ToJson());
    }

    [Fact]
    public void Evaluate_CsvWithoutTheTarget_ErrorNamesIt()
    {
        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(trained.Baseline, TitanicFiles.Predict));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("'Survived'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Columns present: PassengerId, Pclass", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TableWithoutTheTarget_ErrorNamesIt()
    {
        var data = TitanicFiles.ReadValidation().Without(["Survived"]);

        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(trained.Baseline, data));

        Assert.StartsWith("Could not find column 'Survived'. Columns present: PassengerId, Pclass", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CsvRowTheModelRejects_ErrorNamesTheLine()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("bad.csv", "PassengerId,Survived,Pclass,Sex,Note\n1,0,3,male,\"two\nlines\"\n2,1,1,other,x\n");

        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(trained.Baseline, data));

        Assert.StartsWith("The evaluation data breaks the contract: Column 'Sex' must be one of male, female; line 4 has 'other'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CsvWithAMissingLabel_ErrorNamesTheLine()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("bad.csv", "PassengerId,Survived,Pclass,Sex\n1,0,3,male\n2,,1,female\n");

        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(trained.Baseline, data));

        Assert.StartsWith("The evaluation data breaks the contract: Column 'Survived' must have a value; line 3 has no value.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TableWithNoRows_SaysSo()
    {
        var empty = TitanicFiles.ReadValidation().Take([]);

        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(trained.Baseline, empty));

        Assert.Equal("Cannot evaluate 'titanic-baseline': the data has no rows.", ex.Message);
    }

    [Fact]
    public void TrainingPositiveRate_TrainedBundle_IsTheShareOfSurvivors()
    {
        Assert.Equal(287.0 / 712, BundleEvaluator.TrainingPositiveRate(trained.Baseline), 12);
    }

    [Fact]
    public void TrainingPositiveRate_BundleWithoutTrainingMetrics_IsCorrupt()
    {
        var b = trained.Baseline;
        var bundle = new ModelBundle(b.Name, TitanicFiles.TrainedAt, b.SpecText, b.Schema, b.Profile, [], b.Lineage, b.Examples, b.Model);

        var ex = Assert.Throws<GangwayException>(() => BundleEvaluator.TrainingPositiveRate(bundle));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("metrics.json", ex.Message, StringComparison.Ordinal);
    }
}
