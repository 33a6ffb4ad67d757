using System.IO.Compression;
using System.Text;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Monitoring;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;

namespace Gangway.Tests.Monitoring;

public class MonitoringReferenceTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    // The Titanic inputs less Name, which the contract marks as personal data: its values are never kept for monitoring.
    private static readonly string[] TitanicInputs = ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"];

    [Fact]
    public void Of_TrainedBundle_SketchOfInputsAndOutputsOverTrainingRows()
    {
        var bundle = trained.Titanic;

        var reference = MonitoringReference.Of(bundle);

        Assert.IsType<TableSketch>(reference);
        Assert.Equal([.. TitanicInputs, PredictionColumns.Prediction, PredictionColumns.Probability], reference.Columns);
        Assert.Equal(712, reference.RowCount);
        Assert.Equal(bundle.Profile.RowCount, reference.RowCount);
        Assert.Equal(ColumnType.Text, reference.ColumnTypeOf(PredictionColumns.Prediction));
        Assert.Equal(712, reference.Categories(PredictionColumns.Prediction).Total);
        var probability = reference.Numeric(PredictionColumns.Probability);
        Assert.Equal(712, probability.TotalWeight);
        Assert.InRange(probability.Values[0], 0, 1);
        Assert.InRange(probability.Values[^1], 0, 1);
    }

    [Fact]
    public void Of_TrainedBundle_ColumnsMatchTheTrainingProfile()
    {
        var bundle = trained.Titanic;
        var reference = MonitoringReference.Of(bundle);

        var age = reference.Numeric("Age");
        Assert.Equal(bundle.Profile["Age"].MissingCount, age.Missing);
        Assert.Equal(bundle.Profile["Age"].Numeric!.Min, age.Values[0]);
        Assert.Equal(bundle.Profile["Age"].Numeric!.Max, age.Values[^1]);
        var sex = reference.Categories("Sex");
        Assert.Equal(
            bundle.Profile["Sex"].Frequencies!.ToDictionary(f => f.Value, f => (double)f.Count),
            sex.Counts);
        var pclass = reference.Categories("Pclass");
        Assert.Equal(
            bundle.Profile["Pclass"].Frequencies!.ToDictionary(f => f.Value, f => (double)f.Count),
            pclass.Counts);
    }

    [Fact]
    public void Reference_WrittenAndRead_SameSketchAndSmallEntry()
    {
        using var temp = new TempDirectory();
        var path = temp.File("titanic.gwb");
        BundleWriter.Write(trained.Titanic, path);

        var read = BundleReader.Read(path);

        Assert.NotNull(read.Reference);
        Assert.Equal(trained.Titanic.Reference!.ToJson(), read.Reference.ToJson());
        Assert.Contains(read.Manifest.Entries, e => e.Name == "reference.json");
        var compressed = CompressedSize(path, "reference.json");
        Assert.InRange(compressed, 1, 40_000);
    }

    [Fact]
    public void Reference_Changed_DoesNotChangeTheBundle()
    {
        var reference = trained.Titanic.Reference!;
        var json = reference.ToJson();

        reference.Add(trained.Titanic.Examples);

        Assert.Equal(json, trained.Titanic.Reference!.ToJson());
    }

    [Fact]
    public void Of_BundleWithoutReference_LoadsAndFallsBackToTheProfile()
    {
        using var temp = new TempDirectory();
        var t = trained.Titanic;
        var old = new ModelBundle(t.Name, TitanicFiles.TrainedAt, t.SpecText, t.Schema, t.Profile, t.Metrics, t.Lineage, t.Examples, t.Model, t.ContractText);
        var path = temp.File("old.gwb");
        BundleWriter.Write(old, path);

        var read = BundleReader.Read(path);
        var reference = MonitoringReference.Of(read);

        Assert.Null(read.Reference);
        Assert.DoesNotContain(read.Manifest.Entries, e => e.Name == "reference.json");
        Assert.IsNotType<TableSketch>(reference);
        Assert.Equal(TitanicInputs, reference.Columns);
        Assert.Equal(712, reference.RowCount);
        var ageProfile = t.Profile["Age"];
        var age = reference.Numeric("Age");
        Assert.Equal(
            [ageProfile.Numeric!.Min, .. ageProfile.Numeric.Quantiles.Select(q => q.Value), ageProfile.Numeric.Max],
            age.Values.ToArray());
        Assert.Equal(712 - ageProfile.MissingCount, age.TotalWeight, 1e-9);
        Assert.Equal(ageProfile.MissingCount, age.Missing);
        Assert.Equal(0.5, age.Cdf(ageProfile.Numeric.Quantile(0.5)) - (age.Weights[4] / 2 / age.TotalWeight), 1e-9);
    }

    [Fact]
    public void Of_BundleWithoutReference_TextAndFewValuedNumbersFromProfiledFrequencies()
    {
        var t = trained.Titanic;
        var old = new ModelBundle(t.Name, TitanicFiles.TrainedAt, t.SpecText, t.Schema, t.Profile, t.Metrics, t.Lineage, t.Examples, t.Model);

        var reference = MonitoringReference.Of(old);

        var name = reference.Categories("Name");
        Assert.Equal(t.Profile["Name"].OtherCount, name.OtherCount);
        Assert.Equal(t.Profile["Name"].Frequencies!.Count, name.Counts.Count);
        var pclass = reference.Numeric("Pclass");
        Assert.Equal([1.0, 2, 3], pclass.Values.ToArray());
        Assert.Equal(t.Profile["Pclass"].Frequencies!.Select(f => (double)f.Count), pclass.Weights.ToArray());
        Assert.Equal(t.Profile["Pclass"].Frequencies!.Select(f => f.Value), reference.Categories("Pclass").Counts.Keys);
        var fare = reference.Categories("Fare");
        Assert.Equal(712 - t.Profile["Fare"].MissingCount, fare.Total, 1e-9);
    }

    [Fact]
    public void Of_BundleWithoutReference_UnknownOrTextColumnThrows()
    {
        var reference = MonitoringReference.Of(TestBundles.Create());

        Assert.Equal(["Fare", "Sex"], reference.Columns);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<GangwayException>(() => reference.ColumnTypeOf("PassengerId")).Kind);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<GangwayException>(() => reference.Numeric("Sex")).Kind);
    }

    [Fact]
    public void Read_InconsistentReference_ThrowsCorruptArtifactNamingTheEntry()
    {
        using var temp = new TempDirectory();
        var path = temp.File("titanic.gwb");
        BundleWriter.Write(trained.Titanic, path);
        var broken = Encoding.UTF8.GetBytes(trained.Titanic.Reference!.ToJson().Replace("\"rowCount\": 712", "\"rowCount\": 713", StringComparison.Ordinal));
        TestBundles.Rezip(path, entries => entries.Select(e => e.Name == "reference.json" ? (e.Name, broken) : e));
        TestBundles.RewriteManifest(path, manifest =>
        {
            var entry = manifest["entries"]!.AsArray().Single(e => (string?)e!["name"] == "reference.json")!;
            entry["sha256"] = Hashing.Sha256(broken);
            entry["size"] = broken.Length;
            return manifest;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("reference.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has seen 712 rows, not the sketch's 713", ex.Message, StringComparison.Ordinal);
    }

    private static long CompressedSize(string path, string entry)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.GetEntry(entry)!.CompressedLength;
    }
}
