using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Tests.Bundles;

public sealed class InputSchemaTests
{
    [Fact]
    public void FromJson_RoundTrip_KeepsColumnsTargetAndPositiveClass()
    {
        var schema = TestBundles.Schema();

        var back = InputSchema.FromJson(schema.ToJson());

        Assert.Equal(schema.Columns, back.Columns);
        Assert.Equal("Survived", back.Target);
        Assert.Equal("1", back.PositiveClass);
        Assert.Equal(["Fare", "Sex"], back.FeatureNames);
    }

    [Fact]
    public void ToJson_WritesTypesAndRolesAsLowercaseText()
    {
        var json = TestBundles.Schema().ToJson();

        Assert.Contains("\"type\": \"numeric\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"id\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("featureNames", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedColumn_Throws()
    {
        var ex = Assert.Throws<GangwayException>(() => new InputSchema(
            [new InputColumn("Age", ColumnType.Numeric, ColumnRole.Feature), new InputColumn("Age", ColumnType.Text, ColumnRole.Feature)],
            "Survived",
            null));

        Assert.Contains("'Age' appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TargetAsInput_Throws()
    {
        var ex = Assert.Throws<GangwayException>(() => new InputSchema(
            [new InputColumn("Survived", ColumnType.Numeric, ColumnRole.Feature)],
            "Survived",
            null));

        Assert.Contains("target 'Survived'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_UnknownType_ThrowsCorruptArtifact()
    {
        var json = TestBundles.Schema().ToJson().Replace("\"text\"", "\"date\"", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => InputSchema.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
    }

    [Fact]
    public void FromJson_DuplicateColumn_ThrowsCorruptArtifact()
    {
        var json = TestBundles.Schema().ToJson().Replace("\"Sex\"", "\"Fare\"", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => InputSchema.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("'Fare' appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_BlankTarget_ThrowsCorruptArtifact()
    {
        var json = TestBundles.Schema().ToJson().Replace("\"Survived\"", "\" \"", StringComparison.Ordinal);

        var ex = Assert.Throws<GangwayException>(() => InputSchema.FromJson(json));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains("target", ex.Message, StringComparison.Ordinal);
    }
}
