using Gangway.Parsing;
using Gangway.Promotion;
using Gangway.Specs;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Promotion;

public class PromotionDataTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly PromotionSpec Gates = new() { Data = "data/validation.csv", Minimum = [new MetricThreshold("roc_auc", 0.8)] };

    [Fact]
    public void Read_CandidateAndCurrent_ReadsTheColumnsEitherNeedsPlusTheTarget()
    {
        var table = PromotionData.Read(Gates, TitanicFiles.Folder, trained.Baseline, trained.Titanic);

        Assert.Equal(179, table.RowCount);
        Assert.Equal(
            ["Age", "Embarked", "Fare", "Name", "Parch", "PassengerId", "Pclass", "Sex", "SibSp", "Survived"],
            table.ColumnNames.Order(StringComparer.Ordinal));
        Assert.Equal(
            BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation).Overall.RocAuc,
            BundleEvaluator.Evaluate(trained.Titanic, table).Overall.RocAuc);
    }

    [Fact]
    public void Read_CandidateOnly_ReadsOnlyItsColumns()
    {
        var table = PromotionData.Read(Gates, TitanicFiles.Folder, trained.Baseline);

        Assert.Equal(["PassengerId", "Pclass", "Sex", "Survived"], table.ColumnNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_MissingFile_IsNotFoundAndNamesThePath()
    {
        var ex = Assert.Throws<GangwayException>(() => PromotionData.Read(Gates with { Data = "data/holdout.csv" }, TitanicFiles.Folder, trained.Titanic));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("holdout.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("promotion.data: data/holdout.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataBreakingTheContract_FailsNamingTheLine()
    {
        using var temp = new TempDirectory();
        TitanicFiles.Rewrite(temp, TitanicFiles.Validation, "data/validation.csv", (line, i) => i == 3 ? line.Replace(",male,", ",unknown,", StringComparison.Ordinal).Replace(",female,", ",unknown,", StringComparison.Ordinal) : line);

        var ex = Assert.Throws<GangwayException>(() => PromotionData.Read(Gates, temp.Path, trained.Titanic));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains("The promotion data for 'titanic'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThroughAParser_GivesTheSameGateNumbersAsTheCanonicalFile()
    {
        var parser = GangwayCatalog.BuiltIn.Parsers.Create(ParserSpecReader.ReadFile(Path.Combine(TitanicFiles.Folder, "units", "nordic.parser.yaml")));
        var nordic = Gates with { Data = "units/nordic-validation.csv" };

        var parsed = PromotionData.Read(nordic, TitanicFiles.Folder, trained.Baseline, parser: parser);
        var canonical = PromotionData.Read(Gates, TitanicFiles.Folder, trained.Baseline);

        Assert.Equal(canonical.RowCount, parsed.RowCount);
        Assert.Equal(
            PromotionGates.Evaluate(trained.Baseline, null, canonical, Gates).Results[0].Value,
            PromotionGates.Evaluate(trained.Baseline, null, parsed, Gates).Results[0].Value);
    }

    [Fact]
    public void Read_VersionsReadingAColumnWithDifferentTypes_SaysWhichAndHow()
    {
        using var temp = new TempDirectory();
        var spec = temp.Write("text-class.yaml", """
            name: text-class
            target:
              column: Survived
              positive: "1"
            inputs:
              Pclass: text
              Sex: text
            features:
              - step: one_hot
                columns: [Pclass, Sex]
            learner:
              type: fast_forest
              trees: 5
            """);
        var textClass = new ModelTrainer().Train(spec, TitanicFiles.Train);

        var ex = Assert.Throws<GangwayException>(() => PromotionData.Read(Gates, TitanicFiles.Folder, textClass, trained.Baseline));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Column 'Pclass' is text for 'text-class' but numeric for 'titanic-baseline'; the two versions cannot be scored on the same data.", ex.Message);
    }
}
