using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Specs;
using Gangway.Tests.Bundles;
using Gangway.Training;

namespace Gangway.Tests.Training;

public class ModelTrainerTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly string[] TrainingMetricKeys =
        ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "expected_calibration_error", "confusion_matrix", "calibration", "rows", "positives", "slices", "baselines"];

    [Fact]
    public void Train_TitanicSpec_SchemaHasIdsThenTypedInputsAndTarget()
    {
        var schema = trained.Titanic.Schema;

        Assert.Equal(
            [
                new InputColumn("PassengerId", ColumnType.Numeric, ColumnRole.Id),
                new InputColumn("Pclass", ColumnType.Numeric, ColumnRole.Feature),
                new InputColumn("Name", ColumnType.Text, ColumnRole.Feature),
                new InputColumn("Sex", ColumnType.Text, ColumnRole.Feature),
                new InputColumn("Age", ColumnType.Numeric, ColumnRole.Feature),
                new InputColumn("SibSp", ColumnType.Numeric, ColumnRole.Feature),
                new InputColumn("Parch", ColumnType.Numeric, ColumnRole.Feature),
                new InputColumn("Fare", ColumnType.Numeric, ColumnRole.Feature),
                new InputColumn("Embarked", ColumnType.Text, ColumnRole.Feature),
            ],
            schema.Columns);
        Assert.Equal("Survived", schema.Target);
        Assert.Equal("1", schema.PositiveClass);
    }

    [Fact]
    public void Train_TitanicSpec_ProfileCoversEveryDeclaredColumnAndTheTarget()
    {
        var profile = trained.Titanic.Profile;

        Assert.Equal(712, profile.RowCount);
        Assert.Equal(
            ["PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked", "Survived"],
            profile.Columns.Select(c => c.Name));
        Assert.True(profile["Age"].MissingCount > 0);
        Assert.DoesNotContain(profile.Columns, c => c.Name is "Ticket" or "Cabin");
    }

    [Fact]
    public void Train_TitanicSpec_MetricsHaveTrainingReportWithDocumentedKeys()
    {
        var training = trained.Titanic.Metrics["training"]!.AsObject();

        Assert.Equal(TrainingMetricKeys.Order(), training.Select(p => p.Key).Order());
        Assert.Equal(712, training["rows"]!.GetValue<int>());
        Assert.Equal(287, training["positives"]!.GetValue<int>());
        Assert.InRange(training["accuracy"]!.GetValue<double>(), 0.8, 1.0);
    }

    [Fact]
    public void Train_TitanicSpec_LineageHashesTheFilesAndRecordsSeedAndTime()
    {
        var lineage = trained.Titanic.Lineage;

        Assert.Equal(Hashing.Sha256File(TitanicFiles.Train), lineage.DataSha256);
        Assert.Equal(Hashing.Sha256File(TitanicFiles.TitanicSpec), lineage.SpecSha256);
        Assert.Equal(42, lineage.Seed);
        Assert.Equal(TitanicFiles.TrainedAt, lineage.TrainedAtUtc);
        Assert.Equal(GangwayVersion.Current, lineage.GangwayVersion);
        Assert.Equal(TitanicFiles.TrainedAt, trained.Titanic.Manifest.CreatedUtc);
    }

    [Fact]
    public void Train_TitanicSpec_StoresSpecTextNameAndFirstRowsAsExamples()
    {
        var bundle = trained.Titanic;

        Assert.Equal(File.ReadAllText(TitanicFiles.TitanicSpec), bundle.SpecText);
        Assert.Equal("titanic", bundle.Name);
        Assert.Equal(bundle.Schema.Columns.Select(c => c.Name), bundle.Examples.ColumnNames);
        Assert.Equal([211, 529, 81, 428, 807], bundle.Examples.GetNumeric("PassengerId").Values.ToArray());
    }

    [Fact]
    public void Train_SeedOverride_IsRecordedInLineage()
    {
        var bundle = new ModelTrainer().Train(TitanicFiles.BaselineSpec, TitanicFiles.Train, seedOverride: 7);

        Assert.Equal(7, bundle.Lineage.Seed);
        Assert.Equal(42, trained.Baseline.Lineage.Seed);
    }

    [Fact]
    public void Train_DataWithAnExtraColumn_IgnoresItAndPredictsTheSame()
    {
        using var temp = new TempDirectory();
        var withJunk = TitanicFiles.Rewrite(temp, TitanicFiles.Train, "junk.csv", (line, i) => (i == 0 ? "Junk," : $"j{i % 3},") + line);

        var bundle = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(TitanicFiles.BaselineSpec, withJunk);

        var validation = TitanicFiles.ReadValidation();
        Assert.Equal(Probabilities(trained.Baseline, validation), Probabilities(bundle, validation));
        Assert.DoesNotContain(bundle.Profile.Columns, c => c.Name == "Junk");
    }

    [Fact]
    public void Train_CsvWithoutAnInputColumn_ErrorNamesItAndListsColumnsPresent()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("no-sex.csv", "PassengerId,Survived,Pclass\n1,0,3\n2,1,1\n");

        var ex = Assert.Throws<GangwayException>(() => new ModelTrainer().Train(TitanicFiles.BaselineSpec, data));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("'Sex'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Columns present: PassengerId, Survived, Pclass", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TableWithoutAnInputColumn_ErrorNamesItAndListsColumnsPresent()
    {
        var data = new Table(
            new NumericColumn("PassengerId", [1, 2]),
            new NumericColumn("Pclass", [1, 3]),
            new TextColumn("Survived", ["1", "0"]));

        var ex = Assert.Throws<GangwayException>(() => TrainInMemory(data));

        Assert.Equal("Could not find column 'Sex'. Columns present: PassengerId, Pclass, Survived.", ex.Message);
    }

    [Fact]
    public void Train_HeaderOnlyCsv_SaysTheDataHasNoRows()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("empty.csv", "PassengerId,Survived,Pclass,Sex\n");

        var ex = Assert.Throws<GangwayException>(() => new ModelTrainer().Train(TitanicFiles.BaselineSpec, data));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Cannot train 'titanic-baseline': the data has no rows.", ex.Message);
    }

    [Fact]
    public void Train_TextInANumericInput_ErrorNamesLineAndColumn()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("bad.csv", "PassengerId,Survived,Pclass,Sex\n1,0,3,male\n2,1,first,female\n");

        var ex = Assert.Throws<GangwayException>(() => new ModelTrainer().Train(TitanicFiles.BaselineSpec, data));

        Assert.StartsWith("Line 3, column 'Pclass':", ex.Message, StringComparison.Ordinal);
        Assert.Contains("first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CsvWithAMissingLabel_ErrorNamesTheLineNotTheRow()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("no-label.csv", "PassengerId,Survived,Pclass,Sex,Note\n1,0,3,male,\"two\nlines\"\n2,,1,female,x\n3,1,1,female,y\n");

        var ex = Assert.Throws<GangwayException>(() => new ModelTrainer().Train(TitanicFiles.BaselineSpec, data));

        // The contract declares Survived as required, so the contract check catches it before the learner does.
        Assert.StartsWith("The training data breaks the contract: Column 'Survived' must have a value; line 4 has no value.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TableWithAMissingLabel_ErrorNamesTheRow()
    {
        var data = SmallTraining().With(new TextColumn("Survived", ["1", "0", null, "0", "1", "0", "0", "1"]));

        var ex = Assert.Throws<GangwayException>(() => TrainInMemory(data));

        Assert.Contains("missing value in row 2;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TableWithTextInANumericInput_ErrorNamesColumnAndType()
    {
        var data = new Table(
            new NumericColumn("PassengerId", [1, 2]),
            new TextColumn("Pclass", ["1", "3"]),
            new TextColumn("Sex", ["male", "female"]),
            new TextColumn("Survived", ["1", "0"]));

        var ex = Assert.Throws<GangwayException>(() => TrainInMemory(data));

        Assert.Contains("'Pclass'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MisspeltStepArgument_ErrorIsLocatedInTheSpec()
    {
        using var temp = new TempDirectory();
        var spec = temp.Write("typo.yaml", File.ReadAllText(TitanicFiles.BaselineSpec).Replace("unknown: error", "unknwon: error", StringComparison.Ordinal).Replace("schema: titanic.schema.yaml\n", "", StringComparison.Ordinal));

        var ex = Assert.Throws<GangwayException>(() => new ModelTrainer().Train(spec, TitanicFiles.Train));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith("Spec 'features[0], line 15': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'unknwon'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Progress_ReportsEachStage()
    {
        var progress = new RecordingProgress<string>();

        _ = TrainInMemory(SmallTraining(), progress);

        Assert.Equal(3, progress.Reports.Count);
        Assert.StartsWith("fitting 1 feature step(s) and fast_forest", progress.Reports[0], StringComparison.Ordinal);
    }

    internal static Table SmallTraining() => new(
        new NumericColumn("PassengerId", [1, 2, 3, 4, 5, 6, 7, 8]),
        new NumericColumn("Pclass", [1, 3, 2, 3, 1, 3, 2, 3]),
        new TextColumn("Sex", ["female", "male", "female", "male", "male", "female", "male", "male"]),
        new TextColumn("Survived", ["1", "0", "1", "0", "1", "0", "0", "1"]),
        new TextColumn("Extra", ["a", "b", "c", "d", "e", "f", "g", "h"]));

    private static ModelBundle TrainInMemory(Table data, IProgress<string>? progress = null)
    {
        // These tests are about the trainer itself, so the spec is used without its data contract.
        var text = File.ReadAllText(TitanicFiles.BaselineSpec).Replace("schema: titanic.schema.yaml\n", "", StringComparison.Ordinal);
        var spec = ModelSpecReader.Parse(text);
        var lineage = new Lineage(new string('a', 64), new string('b', 64), null, null, "test", spec.Seed, TitanicFiles.TrainedAt);
        return new ModelTrainer().Train(spec, text, data, lineage, progress);
    }

    private static double[] Probabilities(ModelBundle bundle, Table data) =>
        bundle.Model.Transform(data).GetNumeric(PredictionColumns.Probability).Values.ToArray();

    [Fact]
    public void Train_SpecWithUpsellFields_StoresThePerTierMediansOfTheTrainingData()
    {
        var expected = Gangway.Profiling.DataProfiler.GroupMedians(CsvReader.ReadFile(TitanicFiles.Train), "Pclass", "Fare");

        var stored = trained.Titanic.Profile.FindGroupMedians("Pclass", "Fare");

        Assert.Equal(expected, stored);
        Assert.Equal(["1", "2", "3"], stored!.Keys);
        Assert.Empty(trained.Baseline.Profile.GroupMedians);
    }
}
