using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Tests.Bundles;

public sealed class BundleReaderTests
{
    [Fact]
    public void Read_RoundTrip_RestoresEveryPart()
    {
        using var temp = new TempDirectory();
        var original = TestBundles.Create();
        var path = temp.File("model.gwb");
        BundleWriter.Write(original, path);

        var bundle = BundleReader.Read(path, TestBundles.Catalog);

        Assert.Equal("titanic", bundle.Name);
        Assert.Equal(original.Manifest.Entries, bundle.Manifest.Entries);
        Assert.Equal(TestBundles.SpecText, bundle.SpecText);
        Assert.Equal(original.Schema.ToJson(), bundle.Schema.ToJson());
        Assert.Equal(original.Profile.ToJson(), bundle.Profile.ToJson());
        Assert.Equal(7.25, bundle.Profile.FindGroupMedians("Sex", "Fare")!["male"]);
        Assert.True(JsonNode.DeepEquals(original.Metrics, bundle.Metrics));
        Assert.Equal(original.Lineage, bundle.Lineage);
        Assert.Equal([1, 3], bundle.Examples.GetNumeric("PassengerId").Values.ToArray());
        Assert.Equal<string?>(["male", null], bundle.Examples.GetText("Sex").Values.ToArray().ToList());
        Assert.True(double.IsNaN(bundle.Examples.GetNumeric("Fare")[1]));
        var scored = bundle.Model.Transform(bundle.Examples).GetNumeric("Score");
        Assert.Equal(14.5, scored[0]);
    }

    [Fact]
    public void Read_ThenWrite_ReproducesTheFile()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);

        BundleWriter.Write(BundleReader.Read(path, TestBundles.Catalog), temp.File("copy.gwb"));

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(temp.File("copy.gwb")));
    }

    [Fact]
    public void Read_EmptyPipeline_LoadsWithDefaultCatalog()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.gwb");
        var source = TestBundles.Create();
        BundleWriter.Write(
            new ModelBundle("empty", source.Manifest.CreatedUtc, "", source.Schema, source.Profile, [], source.Lineage, source.Examples, new PipelineTransformer([])),
            path);

        var model = Assert.IsType<PipelineTransformer>(BundleReader.Read(path).Model);

        Assert.Empty(model.Steps);
    }

    [Fact]
    public void Read_StepKindNotRegistered_ThrowsNotFoundListingKinds()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, new GangwayCatalogBuilder().Build()));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("'pipeline'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNotFoundNamingPath()
    {
        using var temp = new TempDirectory();
        var path = temp.File("absent.gwb");

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TamperedEntry_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => entries.Select(e => e.Name == "profile.json" ? (e.Name, FlipFirstDigit(e.Content)) : e));

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("'profile.json' does not match its SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TamperedBlob_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => entries.Select(e => e.Name.EndsWith(".bin", StringComparison.Ordinal) ? (e.Name, new byte[] { 1, 2, 3, 5 }) : e));

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Contains("'model/blobs/steps/0/weights.bin'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TamperedManifest_ThrowsCorruptArtifact()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => entries.Select(e => e.Name == "manifest.json"
            ? (e.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e.Content).Replace("titanic", "titanix", StringComparison.Ordinal)))
            : e));

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("'manifest.json' does not match 'manifest.sha256'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManifestAndHashRewrittenButEntryUnchanged_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.RewriteManifest(path, m =>
        {
            m["entries"]![1]!["sha256"] = new string('0', 64);
            return m;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Contains("'schema.json' does not match its SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_SaysNotABundleOrTruncated()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal($"'{path}' is not a Gangway bundle or is truncated.", ex.Message);
    }

    [Fact]
    public void Read_RandomBytes_SaysNotABundleOrTruncated()
    {
        using var temp = new TempDirectory();
        var path = temp.File("random.gwb");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path));

        Assert.Equal($"'{path}' is not a Gangway bundle or is truncated.", ex.Message);
    }

    [Fact]
    public void Read_ZipWithoutManifest_SaysNotABundle()
    {
        using var temp = new TempDirectory();
        var path = temp.File("other.zip");
        TestBundles.WriteZip(path, [("readme.txt", [65])]);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Contains("is not a Gangway bundle: it has no 'manifest.json'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraEntry_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => [.. entries, ("notes.txt", [1])]);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Contains("'notes.txt' is not listed in the manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingEntry_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => entries.Where(e => e.Name != "lineage.json"));

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Contains("'lineage.json' listed in the manifest is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequiredEntryDroppedFromManifestToo_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => entries.Where(e => e.Name != "examples.json"));
        TestBundles.RewriteManifest(path, m =>
        {
            var list = m["entries"]!.AsArray();
            list.RemoveAt(list.Select(e => e!["name"]!.GetValue<string>()).ToList().IndexOf("examples.json"));
            return m;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Contains("it has no 'examples.json'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("model/../../x")]
    [InlineData("C:\\x")]
    public void Read_UnsafeEntryName_Throws(string name)
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => [.. entries, (name, [1])]);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("unsafe name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntryDeclaringMoreThanOneGibibyte_IsRejectedUnread()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        var bytes = File.ReadAllBytes(path);
        SetDeclaredSize(bytes, "spec.yaml", 0x7FFF_FFFF);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Contains("'spec.yaml' declares 2147483647 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntriesDeclaringMoreThanOneGibibyteInAll_FailFastUnread()
    {
        // Each below the per-entry cap, together over the bundle's: the manifest and zip list 1.5 GiB of a 4 KB file.
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        const uint huge = 0x3000_0000;
        TestBundles.RewriteManifest(path, manifest =>
        {
            foreach (var entry in manifest["entries"]!.AsArray().Where(e => (string?)e!["name"] is "spec.yaml" or "schema.json"))
            {
                entry!["size"] = huge;
            }

            return manifest;
        });
        var bytes = File.ReadAllBytes(path);
        SetDeclaredSize(bytes, "spec.yaml", huge);
        SetDeclaredSize(bytes, "schema.json", huge);
        File.WriteAllBytes(path, bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("brings the declared uncompressed size of the bundle to", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1073741824 (1 GiB) are allowed in all", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 4 << 20, $"Allocated {allocated} bytes to refuse the bundle.");
    }

    [Fact]
    public void Read_InflatingEntryWithAWrongHash_FailsWithoutHoldingIt()
    {
        // 64 MiB of zeros compress to 64 KB; the manifest declares the true size but not its hash.
        const int size = 64 << 20;
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.Rezip(path, entries => [.. entries, ("model/blobs/zeros.bin", new byte[size])]);
        TestBundles.RewriteManifest(path, manifest =>
        {
            manifest["entries"]!.AsArray().Add(new JsonObject { ["name"] = "model/blobs/zeros.bin", ["sha256"] = new string('0', 64), ["size"] = size });
            return manifest;
        });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("entry 'model/blobs/zeros.bin' does not match its SHA-256", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8 << 20, $"Allocated {allocated} bytes for an entry of {size}.");
    }

    [Fact]
    public void Read_ManifestSizeDifferentFromTheZips_ThrowsNamingEntry()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.RewriteManifest(path, manifest =>
        {
            var entry = manifest["entries"]!.AsArray().Single(e => (string?)e!["name"] == "profile.json")!;
            entry["size"] = (long)entry["size"]! + 1;
            return manifest;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Contains("entry 'profile.json' declares", ex.Message, StringComparison.Ordinal);
        Assert.Contains("in the zip but the manifest says", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewerFormatVersion_AsksToUpgrade()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        TestBundles.RewriteManifest(path, m =>
        {
            m["formatVersion"] = 2;
            return m;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.ReadManifest(path));

        Assert.Contains("format version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade Gangway", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"cheap\"")]
    [InlineData("1e400")]
    public void Read_ExampleNotAFiniteNumber_ThrowsNamingEntry(string fare)
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);
        var examples = Encoding.UTF8.GetBytes($$"""[{"PassengerId": 1, "Fare": {{fare}}, "Sex": "male"}]""");
        TestBundles.Rezip(path, entries => entries.Select(e => e.Name == "examples.json" ? (e.Name, examples) : e));
        TestBundles.RewriteManifest(path, m =>
        {
            var entry = m["entries"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "examples.json")!;
            entry["sha256"] = Hashing.Sha256(examples);
            entry["size"] = examples.Length;
            return m;
        });

        var ex = Assert.Throws<GangwayException>(() => BundleReader.Read(path, TestBundles.Catalog));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("'examples.json' row 0, column 'Fare'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadManifest_DoesNotNeedTheModelsStepKinds()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);

        var manifest = BundleReader.ReadManifest(path);

        Assert.Equal("titanic", manifest.ModelName);
        Assert.Equal(TestBundles.Created, manifest.CreatedUtc);
        Assert.Equal(8, manifest.Entries.Count);
    }

    private static byte[] FlipFirstDigit(byte[] content)
    {
        var copy = (byte[])content.Clone();
        var i = Array.FindIndex(copy, b => b is >= (byte)'0' and <= (byte)'9');
        copy[i] = copy[i] == (byte)'9' ? (byte)'8' : (byte)(copy[i] + 1);
        return copy;
    }

    // Patches the uncompressed-size field of the entry's central directory record (signature PK\1\2, size at offset 24).
    private static void SetDeclaredSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x02014b50
                && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                return;
            }
        }

        throw new InvalidOperationException($"No central directory record for '{name}'.");
    }
}
