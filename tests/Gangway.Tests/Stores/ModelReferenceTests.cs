using Gangway.Stores;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.Stores;

public class ModelReferenceTests
{
    private static readonly string Name100 = "a" + new string('b', 99);

    [Fact]
    public void TryParse_NameAtAlias_GivesModelAndAlias()
    {
        Assert.True(ModelReference.TryParse("titanic@champion", out var reference));

        Assert.Equal(new ModelReference("titanic", "champion", null), reference);
    }

    [Fact]
    public void TryParse_NameColonVersion_GivesModelAndVersion()
    {
        Assert.True(ModelReference.TryParse("titanic:3", out var reference));

        Assert.Equal(new ModelReference("titanic", null, 3), reference);
    }

    [Theory]
    [InlineData("titanic_v2.b-1@champion-2_x.y", "titanic_v2.b-1", "champion-2_x.y")]
    [InlineData("9lives@a", "9lives", "a")]
    public void TryParse_NamesWithUnderscoreDotAndDash_AreAccepted(string text, string model, string alias)
    {
        Assert.True(ModelReference.TryParse(text, out var reference));

        Assert.Equal(new ModelReference(model, alias, null), reference);
    }

    [Fact]
    public void TryParse_HundredCharacterName_IsAccepted()
    {
        Assert.True(ModelReference.TryParse(Name100 + ":12", out var reference));

        Assert.Equal(new ModelReference(Name100, null, 12), reference);
    }

    [Theory]
    [InlineData("titanic:0")]
    [InlineData("titanic:-1")]
    [InlineData("titanic:1.5")]
    [InlineData("titanic:")]
    [InlineData("@x")]
    [InlineData("a@")]
    [InlineData("a b@c")]
    [InlineData("a@b c")]
    [InlineData("_a@b")]
    [InlineData("a@-b")]
    [InlineData("titanic")]
    [InlineData("models/m.gwb")]
    [InlineData("models/titanic:3")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAReference_IsFalseWithNoReference(string? text)
    {
        Assert.False(ModelReference.TryParse(text, out var reference));

        Assert.Null(reference);
    }

    [Fact]
    public void TryParse_HundredAndOneCharacterName_IsFalse()
    {
        Assert.False(ModelReference.TryParse(Name100 + "c@champion", out _));
        Assert.False(ModelReference.TryParse("titanic@" + Name100 + "c", out _));
    }

    [Fact]
    public void TryParse_ExistingFileSpelledLikeAReference_IsAPath()
    {
        using var temp = new TempDirectory();
        var versionFile = temp.Write("x:1", "not a bundle");
        var aliasFile = temp.Write("m@champion", "not a bundle");

        Assert.False(ModelReference.TryParse(versionFile, out var byVersion));
        Assert.False(ModelReference.TryParse(aliasFile, out var byAlias));
        Assert.Null(byVersion);
        Assert.Null(byAlias);
    }

    [Fact]
    public void TryParse_RelativeNameOfAnExistingFile_IsAPath()
    {
        // A relative name resolves against the working directory, so the file is created there (and removed after).
        var name = $"gw{Guid.NewGuid():N}:7";
        Assert.True(ModelReference.TryParse(name, out _));
        File.WriteAllText(name, "not a bundle");
        try
        {
            Assert.False(ModelReference.TryParse(name, out var reference));
            Assert.Null(reference);
        }
        finally
        {
            File.Delete(name);
        }
    }

    [Theory]
    [InlineData("titanic@champion")]
    [InlineData("titanic:3")]
    [InlineData("a.b_c-d:123456789")]
    public void ToString_ParsedReference_GivesTheTextBack(string text)
    {
        Assert.True(ModelReference.TryParse(text, out var reference));

        Assert.Equal(text, reference!.ToString());
    }

    [Theory]
    [InlineData("titanic", true)]
    [InlineData("Titanic_2.v-1", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("-titanic", false)]
    [InlineData(".titanic", false)]
    [InlineData("titanic model", false)]
    [InlineData("titanic/1", false)]
    [InlineData("titanic@x", false)]
    [InlineData("titanic:1", false)]
    [InlineData("tit\u00e4nic", false)]
    public void IsValidName_Name_FollowsTheRule(string name, bool valid)
    {
        Assert.Equal(valid, ModelReference.IsValidName(name));
    }

    [Fact]
    public void IsValidName_LengthLimit_IsHundredCharacters()
    {
        Assert.True(ModelReference.IsValidName(Name100));
        Assert.False(ModelReference.IsValidName(Name100 + "c"));
    }
}
