using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Tests.Schema;

public class SchemaInferenceTests
{
    // Measured at about 2 KiB per column (names, builders, columns, schema objects: 380 MiB for 200,000), against
    // 1 MiB per column reserved up front before the fix.
    private const long MaxAllocatedBytes = 512L << 20;

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
    public void Infer_WideHeaderFewRows_AllocatesForTheDataNotPerColumn()
    {
        // 'schema infer' used to reserve 65,536 rows (about 1 MiB) per column before reading any: 200 GB here.
        const int columns = 200_000;
        var path = Path.Combine(Path.GetTempPath(), $"gangway-wide-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path,
        [
            string.Join(",", Enumerable.Range(0, columns).Select(c => $"c{c}")),
            string.Join(",", Enumerable.Range(0, columns).Select(c => c % 2 == 0 ? "1.5" : "a")),
            string.Join(",", Enumerable.Range(0, columns).Select(c => c % 2 == 0 ? "2" : "")),
        ]);
        try
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var schema = SchemaInference.Infer(CsvReader.ReadFile(path));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(columns, schema.Columns.Count);
            Assert.Equal(SchemaType.Real, schema["c0"].Type);
            Assert.True(allocated < MaxAllocatedBytes, $"Allocated {allocated / (1 << 20)} MiB for {columns} columns of 2 rows.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Infer_EmptyData_IsAClearError()
    {
        var ex = Assert.Throws<GangwayException>(() => SchemaInference.Infer(new Table(new NumericColumn("x", []))));

        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }
}
