using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Tests.Schema;

public sealed class DataValidationTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    private static readonly DataSchema Contract = DataSchemaReader.Parse("""
        columns:
          Class: { type: category, values: ["1", "2", "3"], nullable: false }
          Age: { type: real, min: 0, max_missing_rate: 0.4 }
        """);

    [Fact]
    public void Validate_File_GroupsFailuresPerRuleWithLinesAndCountsUnreadableRows()
    {
        File.WriteAllText(_file, "Class,Age,Other\n1,30,x\n7,-1,y\n9,abc,z\n2,,w\n8,5,v\n");

        var report = DataValidation.Validate(new CsvFileSource(_file), Contract);

        Assert.Equal(5, report.RowCount);
        Assert.Equal(3, report.RejectedRows);
        Assert.True(report.HasErrors);
        var values = Assert.Single(report.Rules, r => r.Rule == "values");
        Assert.Equal(2, values.Failures);
        Assert.Equal("Column 'Class' must be one of 1, 2, 3; line 3 has 7.", values.Examples[0]);
        var type = Assert.Single(report.Rules, r => r.Rule == "type");
        Assert.Equal("Line 4, column 'Age': expected a number, found 'abc'.", Assert.Single(type.Examples));
        Assert.Contains(report.Rules, r => r is { Column: "Age", Rule: "min", Failures: 1 });
    }

    [Fact]
    public void Validate_CleanFile_HasNoRules()
    {
        File.WriteAllText(_file, "Class,Age\n1,30\n3,\n2,4\n");

        var report = DataValidation.Validate(new CsvFileSource(_file), Contract);

        Assert.False(report.HasErrors);
        Assert.Empty(report.Rules);
        Assert.Equal("data meets the contract.", report.Summary("data"));
    }

    [Fact]
    public void Validate_DeclaredColumnAbsent_IsAClearError()
    {
        File.WriteAllText(_file, "Class\n1\n");

        var ex = Assert.Throws<GangwayException>(() => DataValidation.Validate(new CsvFileSource(_file), Contract));

        Assert.Contains("'Age'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
