using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Tests.Schema;

public class DataSchemaReaderTests
{
    [Fact]
    public void ReadFile_TitanicContract_HasTheCuratedExpectations()
    {
        var schema = DataSchemaReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.schema.yaml"));

        Assert.Equal(["1", "2", "3"], schema["Pclass"].AllowedValues);
        Assert.Equal(ColumnType.Numeric, schema["Pclass"].PhysicalType);
        Assert.Equal(["male", "female"], schema["Sex"].AllowedValues);
        Assert.Equal(ColumnType.Text, schema["Sex"].PhysicalType);
        Assert.Equal((0, 120), (schema["Age"].Min, schema["Age"].Max));
        Assert.True(schema["Age"].Nullable);
        Assert.Equal(Severity.Warning, schema["Age"].SeverityOf(ValidationRule.MaxMissingRate));
        Assert.Equal(Severity.Error, schema["Age"].SeverityOf(ValidationRule.Min));
        Assert.Equal(SchemaType.Integer, schema["SibSp"].Type);
        Assert.True(schema["Name"].Pii);
        Assert.True(schema["Ticket"].Pii);
        Assert.Equal(["S", "C", "Q"], schema["Embarked"].AllowedValues);
        Assert.Equal(["Name", "Ticket"], schema.PiiColumns.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("columns:\n  a:\n    type: colour\n", "'columns.a.type' (line 3): must be integer, real, boolean, category, text or datetime; got 'colour'")]
    [InlineData("columns:\n  a:\n    type: real\n    mn: 0\n", "'columns.a.mn' (line 4): is not a known key")]
    [InlineData("columns:\n  a:\n    type: real\n    min: 5\n    max: 1\n", "Schema column 'a': min 5 is greater than max 1.")]
    [InlineData("columns:\n  a:\n    type: category\n", "Schema column 'a': a category needs its allowed values")]
    [InlineData("columns:\n  a:\n    type: text\n    pattern: '(['\n", "Schema column 'a': pattern is not a valid regular expression")]
    [InlineData("columns:\n  a:\n    type: real\n    max_missing_rate: 2\n", "max_missing_rate must be between 0 and 1; got 2")]
    [InlineData("columns:\n  a:\n    type: text\n    warn: [minimum]\n", "must name a rule")]
    [InlineData("columns:\n  a:\n    type: text\n    min: 1\n", "min and max apply only to numeric columns")]
    public void Parse_InvalidSchema_ExplainsWhereAndWhy(string yaml, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => DataSchemaReader.Parse(yaml, "s.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameSchema()
    {
        var original = DataSchemaReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.schema.yaml"));

        var text = DataSchemaWriter.Write(original, ["a comment"]);
        var again = DataSchemaReader.Parse(text);

        Assert.StartsWith("# a comment\n", text, StringComparison.Ordinal);
        Assert.Equal(DataSchemaWriter.Write(original), DataSchemaWriter.Write(again));
        Assert.Equal(original.Columns.Select(c => c.Name), again.Columns.Select(c => c.Name));
    }
}
