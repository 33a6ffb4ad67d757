using System.Text;
using Gangway.Bundles;

namespace Gangway.Tests.Bundles;

public sealed class HashingTests
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Sha256_Abc_MatchesKnownDigest()
    {
        Assert.Equal(AbcSha256, Hashing.Sha256(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Sha256File_FileHoldingAbc_MatchesKnownDigest()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.csv", "abc");

        Assert.Equal(AbcSha256, Hashing.Sha256File(path));
    }

    [Fact]
    public void Sha256File_MissingFile_ThrowsNotFoundNamingPath()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nope.csv");

        var ex = Assert.Throws<GangwayException>(() => Hashing.Sha256File(path));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
