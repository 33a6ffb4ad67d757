using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Pipelines;
using Gangway.Profiling;

namespace Gangway.Tests.Bundles;

/// <summary>A tiny fitted step for bundle tests: adds <c>Score = Fare * Factor</c>, and saves a blob to exercise blob entries.</summary>
internal sealed class ScaleTransformer(double factor) : ITransformer
{
    public const string KindName = "test-scale";

    public double Factor { get; } = factor;

    public string Kind => KindName;

    public Table Transform(Table data)
    {
        var fare = data.GetNumeric("Fare");
        var score = new double[data.RowCount];
        for (var i = 0; i < score.Length; i++)
        {
            score[i] = fare[i] * Factor;
        }

        return data.With(new NumericColumn("Score", score));
    }

    public void Save(TransformerWriter writer)
    {
        writer.State["factor"] = Factor;
        writer.WriteBlob("weights", [1, 2, 3, 4]);
    }

    public static ScaleTransformer Load(TransformerReader reader)
    {
        var blob = reader.ReadBlob("weights");
        return blob.Length == 4 ? new ScaleTransformer(reader.GetDouble("factor")) : throw reader.Corrupt("weights", "has the wrong length");
    }
}

/// <summary>Builds bundles and tampers with bundle files.</summary>
internal static class TestBundles
{
    public const string SpecText = "name: titanic # comment kept\r\nseed: 42\n  trailing: spaces   \n";

    public static readonly DateTimeOffset Created = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static GangwayCatalog Catalog { get; } =
        GangwayCatalog.CreateBuilder().AddTransformer(ScaleTransformer.KindName, ScaleTransformer.Load).Build();

    public static Table Training() => new(
        new NumericColumn("PassengerId", [1, 2, 3, 4]),
        new NumericColumn("Fare", [7.25, 71.28, double.NaN, 53.1]),
        new TextColumn("Sex", ["male", "female", null, "female"]),
        new TextColumn("Survived", ["0", "1", "1", "1"]));

    public static InputSchema Schema() => new(
        [
            new InputColumn("PassengerId", ColumnType.Numeric, ColumnRole.Id),
            new InputColumn("Fare", ColumnType.Numeric, ColumnRole.Feature),
            new InputColumn("Sex", ColumnType.Text, ColumnRole.Feature),
        ],
        "Survived",
        "1");

    public static ModelBundle Create(string name = "titanic")
    {
        var training = Training();
        return new ModelBundle(
            name,
            Created,
            SpecText,
            Schema(),
            DataProfiler.Profile(training).WithGroupMedians(training, "Sex", "Fare"),
            new JsonObject { ["accuracy"] = 0.8, ["auc"] = null },
            new Lineage(new string('a', 64), new string('b', 64), "0123456789abcdef0123456789abcdef01234567", null, "1.2.3", 42, Created),
            training.Take([0, 2]),
            new PipelineTransformer([new ScaleTransformer(2)]));
    }

    public static string WriteTo(TempDirectory temp, string file = "model.gwb")
    {
        var path = temp.File(file);
        BundleWriter.Write(Create(), path);
        return path;
    }

    public static List<(string Name, byte[] Content)> ReadZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    public static void WriteZip(string path, IEnumerable<(string Name, byte[] Content)> entries)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(content);
        }
    }

    /// <summary>Rewrites the bundle with <paramref name="change"/> applied to the entry list.</summary>
    public static void Rezip(string path, Func<List<(string Name, byte[] Content)>, IEnumerable<(string Name, byte[] Content)>> change) =>
        WriteZip(path, [.. change(ReadZip(path))]);

    /// <summary>Replaces the manifest and recomputes manifest.sha256, as a naive editor would.</summary>
    public static void RewriteManifest(string path, Func<JsonObject, JsonObject> change) => Rezip(path, entries =>
    {
        var manifest = change(JsonNode.Parse(entries.Single(e => e.Name == "manifest.json").Content)!.AsObject());
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return entries.Select(e => e.Name switch
        {
            "manifest.json" => (e.Name, bytes),
            "manifest.sha256" => (e.Name, Encoding.ASCII.GetBytes(Hashing.Sha256(bytes))),
            _ => e,
        });
    });
}
