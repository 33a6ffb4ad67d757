using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Tests.Schema;

public class SchemaValidatorTests
{
    private static readonly DataSchema Contract = DataSchemaReader.Parse("""
        columns:
          Pclass: { type: category, values: ["1", "2", "3"], nullable: false }
          Sex: { type: category, values: [male, female], nullable: false }
          Age: { type: real, min: 0, max: 120, max_missing_rate: 0.5, warn: [max_missing_rate] }
          SibSp: { type: integer, min: 0 }
          Name: { type: text, max_length: 10, pii: true }
          Code: { type: text, pattern: "[A-Z]{2}[0-9]+" }
          When: { type: datetime }
          Flag: { type: boolean }
        """);

    private static Table Rows(double[] pclass, string?[] sex, double[] age, double[] sibsp, string?[] name, string?[] code, string?[] when, double[] flag) => new(
        new NumericColumn("Pclass", pclass),
        new TextColumn("Sex", sex),
        new NumericColumn("Age", age),
        new NumericColumn("SibSp", sibsp),
        new TextColumn("Name", name),
        new TextColumn("Code", code),
        new TextColumn("When", when),
        new NumericColumn("Flag", flag));

    [Fact]
    public void Validate_CleanData_HasNoViolations()
    {
        var data = Rows([1, 3], ["male", "female"], [22, double.NaN], [0, 2], ["Ann", null], ["AB1", "XY22"], ["2024-01-31", "2024-01-31T10:00:00"], [0, 1]);

        var result = new SchemaValidator(Contract).Validate(data);

        Assert.Empty(result.Violations);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Validate_EachBrokenRule_IsReportedWithRowColumnRuleAndValue()
    {
        var data = Rows([7, 1], [null, "robot"], [-1, 130], [1.5, 0], ["Ann", "Bartholomew-Smith"], ["ab1", "AB1"], ["31/01/2024", "2024-01-31"], [2, 1]);

        var result = new SchemaValidator(Contract).Validate(data);

        var described = result.Violations.Select(v => (v.Row, v.Column, v.RuleName)).ToList();
        Assert.Contains((0, "Pclass", "values"), described);
        Assert.Contains((0, "Sex", "required"), described);
        Assert.Contains((1, "Sex", "values"), described);
        Assert.Contains((0, "Age", "min"), described);
        Assert.Contains((1, "Age", "max"), described);
        Assert.Contains((0, "SibSp", "type"), described);
        Assert.Contains((1, "Name", "max_length"), described);
        Assert.Contains((0, "Code", "pattern"), described);
        Assert.Contains((0, "When", "type"), described);
        Assert.Contains((0, "Flag", "type"), described);
        Assert.Equal([0, 1], result.RejectedRows);
        Assert.Equal("Column 'Pclass' must be one of 1, 2, 3; line 17 has 7.", result.Violations.First(v => v.Column == "Pclass").Describe("line 17"));
    }

    [Fact]
    public void Validate_PersonalData_NeverShowsTheValue()
    {
        var data = Rows([1], ["male"], [1], [0], ["Secret Person Name"], [null], [null], [0]);

        var violation = Assert.Single(new SchemaValidator(Contract).Validate(data).Violations);

        Assert.Equal("Name", violation.Column);
        Assert.DoesNotContain("Secret", violation.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PersonalDataMissing_SaysNoValueRatherThanHidingIt()
    {
        var contract = DataSchemaReader.Parse("columns:\n  Name: { type: text, nullable: false, pii: true }\n  Ssn: { type: integer, nullable: false, min: 1, pii: true }\n");
        var data = new Table(new TextColumn("Name", [null]), new NumericColumn("Ssn", [double.NaN]));
        var broken = new Table(new TextColumn("Name", ["x"]), new NumericColumn("Ssn", [-5]));

        var missing = new SchemaValidator(contract).Validate(data).Violations;
        var hidden = Assert.Single(new SchemaValidator(contract).Validate(broken).Violations);

        Assert.Equal(["Column 'Name' must have a value; record 0 has no value.", "Column 'Ssn' must have a value; record 0 has no value."], missing.Select(v => v.Describe("record 0")));
        Assert.Equal("Column 'Ssn' must be at least 1; record 0 has a value (personal data, hidden).", hidden.Describe("record 0"));
    }

    [Fact]
    public void Validate_IdOrLabelColumnAbsent_IsNotCheckedButAnAbsentInputStillFails()
    {
        var contract = DataSchemaReader.Parse("""
            columns:
              Id: { type: integer, nullable: false, min: 1, role: id }
              Label: { type: category, values: ["0", "1"], nullable: false, role: label }
              Pclass: { type: category, values: ["1", "2", "3"], nullable: false }
            """);
        var validator = new SchemaValidator(contract);

        var withoutIdAndLabel = validator.Validate(new Table(new NumericColumn("Pclass", [1, 3])));
        var badId = validator.Validate(new Table(new NumericColumn("Id", [0]), new NumericColumn("Pclass", [1])));

        Assert.Empty(withoutIdAndLabel.Violations);
        Assert.Equal("min", Assert.Single(badId.Violations).RuleName);
        Assert.Throws<GangwayException>(() => validator.Validate(new Table(new NumericColumn("Id", [1]))));
    }

    [Fact]
    public void Role_IsReadAndWrittenBackAndAnUnknownRoleIsAnError()
    {
        var contract = DataSchemaReader.Parse("columns:\n  Id: { type: integer, role: id }\n  Label: { type: text, role: label }\n  X: { type: real }\n");

        var again = DataSchemaReader.Parse(DataSchemaWriter.Write(contract));
        var ex = Assert.Throws<GangwayException>(() => DataSchemaReader.Parse("columns:\n  Id: { type: integer, role: key }\n"));

        Assert.Equal([ContractRole.Id, ContractRole.Label, ContractRole.Input], again.Columns.Select(c => c.Role));
        Assert.Equal(["X"], again.RequiredColumns);
        Assert.Contains("must be input, id or label; got 'key'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRateAboveMaximum_IsADatasetWarningNotARowError()
    {
        var data = Rows([1, 1, 1], ["male", "male", "male"], [double.NaN, double.NaN, 3], [0, 0, 0], [null, null, null], [null, null, null], [null, null, null], [0, 0, 0]);

        var result = new SchemaValidator(Contract).Validate(data);

        var violation = Assert.Single(result.Violations);
        Assert.Null(violation.Row);
        Assert.Equal(ValidationRule.MaxMissingRate, violation.Rule);
        Assert.Equal(Severity.Warning, violation.Severity);
        Assert.Contains("66.7% missing (2 of 3 rows)", violation.Describe(), StringComparison.Ordinal);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Validate_WarningRule_DoesNotRejectTheRow()
    {
        var schema = DataSchemaReader.Parse("columns:\n  Age: { type: real, max: 100, warn: [max] }\n");

        var result = new SchemaValidator(schema).Validate(new Table(new NumericColumn("Age", [101])));

        Assert.Equal(Severity.Warning, Assert.Single(result.Violations).Severity);
        Assert.Empty(result.RejectedRows);
    }

    [Fact]
    public void Validate_MissingDeclaredColumn_ListsThePresentOnes()
    {
        var ex = Assert.Throws<GangwayException>(() => new SchemaValidator(Contract).Validate(new Table(new NumericColumn("Pclass", [1]))));

        Assert.Contains("Could not find column 'Sex'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CatastrophicPattern_TimesOutAsAFailureNotAHang()
    {
        var schema = DataSchemaReader.Parse("columns:\n  t: { type: text, pattern: \"(a+)+b\" }\n");
        var evil = new string('a', 5000) + "c";

        var result = new SchemaValidator(schema).Validate(new Table(new TextColumn("t", [evil])));

        Assert.Equal(ValidationRule.Pattern, Assert.Single(result.Violations).Rule);
    }
}
