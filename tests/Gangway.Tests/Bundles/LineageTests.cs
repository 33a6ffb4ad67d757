using Gangway.Bundles;

namespace Gangway.Tests.Bundles;

public sealed class LineageTests
{
    private static readonly DateTimeOffset TrainedAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Capture_HashesFilesAndReadsGitAndClock()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", "ref: refs/heads/main");
        repo.Write(".git/refs/heads/main", "0123456789abcdef0123456789abcdef01234567");
        var data = repo.Write("data/train.csv", "abc");
        var spec = repo.Write("spec.yaml", "name: titanic\n");

        var lineage = Lineage.Capture(data, spec, seed: 42, new FixedTimeProvider(TrainedAt.ToOffset(TimeSpan.FromHours(2))));

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", lineage.DataSha256);
        Assert.Equal(Hashing.Sha256File(spec), lineage.SpecSha256);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", lineage.GitCommit);
        Assert.Null(lineage.GitDirty);
        Assert.Equal(GangwayVersion.Current, lineage.GangwayVersion);
        Assert.Equal(42, lineage.Seed);
        Assert.Equal(TrainedAt, lineage.TrainedAtUtc);
        Assert.Equal(TimeSpan.Zero, lineage.TrainedAtUtc.Offset);
    }

    [Fact]
    public void Capture_MissingDataFile_ThrowsNotFound()
    {
        using var temp = new TempDirectory();
        var spec = temp.Write("spec.yaml", "x");

        var ex = Assert.Throws<GangwayException>(() => Lineage.Capture(temp.File("train.csv"), spec, 1, TimeProvider.System));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void FromJson_RoundTrip_KeepsEveryValueAndHasNoMachineDetails()
    {
        var lineage = new Lineage(new string('a', 64), new string('b', 64), null, null, "1.0.0", 7, TrainedAt);

        var json = lineage.ToJson();

        Assert.Equal(lineage, Lineage.FromJson(json));
        Assert.DoesNotContain(Environment.MachineName, json, StringComparison.Ordinal);
        Assert.Contains("\"trainedAtUtc\": \"2025-03-04T05:06:07+00:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_BadDigest_ThrowsCorruptArtifact()
    {
        var json = new Lineage("nothex", new string('b', 64), null, null, "1.0.0", 7, TrainedAt).ToJson();

        var ex = Assert.Throws<GangwayException>(() => Lineage.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("dataSha256", ex.Message, StringComparison.Ordinal);
    }
}
