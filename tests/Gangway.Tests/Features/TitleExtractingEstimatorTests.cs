using Gangway.Data;
using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class TitleExtractingEstimatorTests
{
    [Theory]
    [InlineData("Kelly, Mr. James", "Mr")]
    [InlineData("Cumings, Mrs. John Bradley (Florence Briggs Thayer)", "Mrs")]
    [InlineData("Aubart, Mme. Leontine Pauline", "Mrs")]
    [InlineData("Heikkinen, Miss. Laina", "Miss")]
    [InlineData("Sagesser, Mlle. Emma", "Miss")]
    [InlineData("Reynaldo, Ms. Encarnacion", "Miss")]
    [InlineData("Palsson, Master. Gosta Leonard", "Master")]
    [InlineData("Minahan, Dr. William Edward", "Rare")]
    [InlineData("Byles, Rev. Thomas Roussel Davids", "Rare")]
    [InlineData("Rothes, the Countess. of (Lucy Noel Martha Dyer-Edwards)", "Rare")]
    [InlineData("Oliva y Ocana, Dona. Fermina", "Rare")]
    [InlineData("Kelly,   Mr .James", "Mr")]
    [InlineData("No comma Mr. James", "Rare")]
    [InlineData("Kelly, Mr James", "Rare")]
    [InlineData("", "Rare")]
    public void Transform_Name_GivesMappedTitle(string name, string expected)
    {
        var data = new Table(new TextColumn("Name", [name]));

        var output = new TitleExtractingEstimator().Fit(data).Transform(data);

        Assert.Equal(expected, output.GetText("Title")[0]);
    }

    [Fact]
    public void Transform_MissingName_GivesMissingTitleAndKeepsName()
    {
        var data = new Table(new TextColumn("Name", [null, "Kelly, Mr. James"]));

        var output = new TitleExtractingEstimator().Fit(data).Transform(data);

        Assert.Null(output.GetText("Title")[0]);
        Assert.Same(data["Name"], output["Name"]);
    }

    [Fact]
    public void Transform_MegabyteNameWithoutPeriod_GivesOtherTitle()
    {
        var name = "Kelly, Mr" + new string(' ', 1_000_000) + "James";
        var data = new Table(new TextColumn("Name", [name, "Kelly, " + new string('a', 1_000_000) + "."]));

        var output = new TitleExtractingEstimator().Fit(data).Transform(data);

        Assert.Equal("Rare", output.GetText("Title")[0]);
        Assert.Equal("Rare", output.GetText("Title")[1]);
    }

    [Fact]
    public void Transform_CustomMapAndColumns_UsesThem()
    {
        var data = new Table(new TextColumn("FullName", ["Minahan, Dr. William", "Kelly, Mr. James"]));
        var estimator = new TitleExtractingEstimator("FullName", "Honorific", new Dictionary<string, string> { ["Dr"] = "Doctor" }, "Other");

        var output = estimator.Fit(data).Transform(data);

        Assert.Equal(new string?[] { "Doctor", "Other" }, output.GetText("Honorific").Values.ToArray());
    }

    [Fact]
    public void Constructor_MapKeyLongerThanCap_ThrowsInvalidConfiguration()
    {
        var map = new Dictionary<string, string> { [new string('x', TitleExtractingEstimator.MaxTitleLength + 1)] = "X" };

        var ex = Assert.Throws<GangwayException>(() => new TitleExtractingEstimator(titleMap: map));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }
}
