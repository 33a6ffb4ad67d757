using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Tests.Schema;

public class SchemaInferenceTests
{
    [Fact]
    public void Infer_TitanicTrainingData_ProposesSensibleTypes()
    {
        var data = CsvReader.ReadFile(Path.Combine("TestData", "titanic", "train.csv"));

        var schema = SchemaInference.Infer(data);

        Assert.Equal(SchemaType.Category, schema["Pclass"].Type);
        Assert.Equal(["1", "2", "3"], schema["Pclass"].AllowedValues);
        Assert.Equal(SchemaType.Boolean, schema["Survived"].Type);
        Assert.Equal(["female", "male"], schema["Sex"].AllowedValues);
        Assert.Equal(SchemaType.Real, schema["Age"].Type);
        Assert.Equal(0, schema["Age"].Min);
        Assert.True(schema["Age"].MaxMissingRate > 0.19);
        Assert.Equal(Severity.Warning, schema["Age"].SeverityOf(ValidationRule.MaxMissingRate));
        Assert.False(schema["Pclass"].Nullable);
        Assert.Equal(SchemaType.Text, schema["Name"].Type);
        Assert.Equal(SchemaType.Integer, schema["SibSp"].Type);
    }

    [Fact]
    public void Infer_WidensTheObservedRangeByTheMargin()
    {
        var schema = SchemaInference.Infer(new Table(new NumericColumn("x", [-10, 0.5, 10])), margin: 0.1);

        Assert.Equal(-12, schema["x"].Min);
        Assert.Equal(12, schema["x"].Max);
    }

    [Fact]
    public void Infer_TheDataItWasInferredFrom_PassesValidation()
    {
        var data = CsvReader.ReadFile(Path.Combine("TestData", "titanic", "train.csv"));

        var result = new SchemaValidator(SchemaInference.Infer(data)).Validate(data);

        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Infer_EmptyData_IsAClearError()
    {
        var ex = Assert.Throws<GangwayException>(() => SchemaInference.Infer(new Table(new NumericColumn("x", []))));

        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }
}
