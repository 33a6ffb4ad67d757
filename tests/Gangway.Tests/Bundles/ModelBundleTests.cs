using System.Text;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Pipelines;
using Gangway.Profiling;

namespace Gangway.Tests.Bundles;

public sealed class ModelBundleTests
{
    [Fact]
    public void Constructor_ManifestListsEveryPartWithHashAndSize()
    {
        var bundle = TestBundles.Create();

        Assert.Equal(
            ["spec.yaml", "schema.json", "profile.json", "metrics.json", "lineage.json", "examples.json", "model/model.json", "model/blobs/steps/0/weights.bin"],
            bundle.Manifest.Entries.Select(e => e.Name));
        var spec = bundle.Manifest.Entries[0];
        Assert.Equal(Hashing.Sha256(Encoding.UTF8.GetBytes(TestBundles.SpecText)), spec.Sha256);
        Assert.Equal(Encoding.UTF8.GetByteCount(TestBundles.SpecText), spec.Size);
        Assert.Equal(BundleManifest.CurrentFormatVersion, bundle.Manifest.FormatVersion);
        Assert.Equal(TestBundles.Created, bundle.Manifest.CreatedUtc);
        Assert.Equal(GangwayVersion.Current, bundle.Manifest.GangwayVersion);
        Assert.Equal("titanic", bundle.Manifest.ModelName);
    }

    [Fact]
    public void Constructor_KeepsOnlySchemaColumnsOfExamples()
    {
        var bundle = TestBundles.Create();

        Assert.Equal(["PassengerId", "Fare", "Sex"], bundle.Examples.ColumnNames);
        Assert.Equal(2, bundle.Examples.RowCount);
    }

    [Fact]
    public void Constructor_ExampleColumnMissing_Throws()
    {
        var ex = Assert.Throws<GangwayException>(() => new ModelBundle(
            "m",
            TestBundles.Created,
            "",
            TestBundles.Schema(),
            DataProfiler.Profile(TestBundles.Training()),
            [],
            new Lineage(new string('a', 64), new string('b', 64), null, null, "1", 1, TestBundles.Created),
            TestBundles.Training().Without(["Sex"]),
            new PipelineTransformer([])));

        Assert.Contains("'Sex'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ExampleColumnWrongType_Throws()
    {
        var examples = TestBundles.Training().With(new TextColumn("Fare", ["a", "b", "c", "d"]));

        var ex = Assert.Throws<GangwayException>(() => new ModelBundle(
            "m",
            TestBundles.Created,
            "",
            TestBundles.Schema(),
            DataProfiler.Profile(TestBundles.Training()),
            [],
            new Lineage(new string('a', 64), new string('b', 64), null, null, "1", 1, TestBundles.Created),
            examples,
            new PipelineTransformer([])));

        Assert.Contains("'Fare' must hold numbers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_ChangingTheCopy_DoesNotChangeBundle()
    {
        var metrics = new JsonObject { ["accuracy"] = 0.5 };
        var bundle = new ModelBundle(
            "m",
            TestBundles.Created,
            "",
            TestBundles.Schema(),
            DataProfiler.Profile(TestBundles.Training()),
            metrics,
            new Lineage(new string('a', 64), new string('b', 64), null, null, "1", 1, TestBundles.Created),
            TestBundles.Training(),
            new PipelineTransformer([]));
        var hash = bundle.Manifest.Entries.Single(e => e.Name == "metrics.json").Sha256;

        metrics["accuracy"] = 0.9;
        bundle.Metrics["accuracy"] = 0.1;

        Assert.Equal(0.5, bundle.Metrics["accuracy"]!.GetValue<double>());
        Assert.Equal(hash, Hashing.Sha256(GangwayJsonBytes(bundle.Metrics)));
    }

    private static byte[] GangwayJsonBytes(JsonObject value) => GangwayJson.Serialize(value);
}
