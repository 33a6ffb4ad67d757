using System.IO.Compression;
using Gangway.Bundles;

namespace Gangway.Tests.Bundles;

public sealed class BundleWriterTests
{
    [Fact]
    public void Write_SameContentTwice_GivesByteIdenticalFiles()
    {
        using var temp = new TempDirectory();
        BundleWriter.Write(TestBundles.Create(), temp.File("a.gwb"));
        BundleWriter.Write(TestBundles.Create(), temp.File("b.gwb"));

        Assert.Equal(File.ReadAllBytes(temp.File("a.gwb")), File.ReadAllBytes(temp.File("b.gwb")));
    }

    [Fact]
    public void Write_DifferentName_GivesDifferentFile()
    {
        using var temp = new TempDirectory();
        BundleWriter.Write(TestBundles.Create("a"), temp.File("a.gwb"));
        BundleWriter.Write(TestBundles.Create("b"), temp.File("b.gwb"));

        Assert.NotEqual(File.ReadAllBytes(temp.File("a.gwb")), File.ReadAllBytes(temp.File("b.gwb")));
    }

    [Fact]
    public void Write_StoresManifestFirstAndItsHashLastWithConstantTimestamps()
    {
        using var temp = new TempDirectory();
        var path = TestBundles.WriteTo(temp);

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal("manifest.json", zip.Entries[0].FullName);
        Assert.Equal("manifest.sha256", zip.Entries[^1].FullName);
        Assert.Equal(
            TestBundles.Create().Manifest.Entries.Select(e => e.Name),
            zip.Entries.Skip(1).SkipLast(1).Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Write_ExistingFile_IsReplaced()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("model.gwb", "old content");

        BundleWriter.Write(TestBundles.Create(), path);

        Assert.Equal("titanic", BundleReader.ReadManifest(path).ModelName);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Write_DirectoryMissing_ThrowsNotFoundAndLeavesNothing()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "no-such-dir", "model.gwb");

        var ex = Assert.Throws<GangwayException>(() => BundleWriter.Write(TestBundles.Create(), path));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("no-such-dir", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Write_TargetIsDirectory_ThrowsAndDeletesTemporaryFile()
    {
        using var temp = new TempDirectory();
        var target = Directory.CreateDirectory(temp.File("model.gwb")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "x");

        var ex = Assert.Throws<GangwayException>(() => BundleWriter.Write(TestBundles.Create(), target));

        Assert.Contains("Could not write bundle", ex.Message, StringComparison.Ordinal);
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
