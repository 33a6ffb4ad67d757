using Gangway.Bundles;
using Gangway.Data;
using Gangway.Specs;
using Gangway.Tests.Bundles;
using Gangway.Training;

namespace Gangway.Tests.Training;

public class SpecDataTests
{
    private static readonly ModelSpec Spec = new()
    {
        Name = "demo",
        Target = new TargetSpec("Survived", "1"),
        IdColumns = [new InputColumnSpec("PassengerId", ColumnType.Numeric)],
        Inputs = [new InputColumnSpec("Pclass", ColumnType.Text), new InputColumnSpec("Age", ColumnType.Numeric)],
        Learner = new StepSpec("logistic_regression", new Dictionary<string, object?>()),
    };

    [Fact]
    public void ColumnNames_IdsThenInputsThenTargetWhenAsked()
    {
        Assert.Equal(["PassengerId", "Pclass", "Age", "Survived"], SpecData.ColumnNames(Spec, includeTarget: true));
        Assert.Equal(["PassengerId", "Pclass", "Age"], SpecData.ColumnNames(Spec, includeTarget: false));
    }

    [Fact]
    public void ReadLabelled_Spec_ReadsDeclaredColumnsWithDeclaredTypes()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.csv", "Age,Junk,Pclass,Survived,PassengerId\n22,x,1,0,7\n,y,3,1,8\n");

        var table = SpecData.ReadLabelled(Spec, path);

        Assert.Equal(["Age", "Pclass", "Survived", "PassengerId"], table.ColumnNames);
        Assert.Equal(["1", "3"], table.GetText("Pclass").Values.ToArray().Select(v => v ?? "(null)"));
        Assert.True(double.IsNaN(table.GetNumeric("Age")[1]));
    }

    [Fact]
    public void ReadLabelled_MissingTarget_ErrorNamesIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.csv", "PassengerId,Pclass,Age\n7,1,22\n");

        var ex = Assert.Throws<GangwayException>(() => SpecData.ReadLabelled(Spec, path));

        Assert.Equal("Could not find column 'Survived' in the CSV header. Columns present: PassengerId, Pclass, Age.", ex.Message);
    }

    [Fact]
    public void ReadOptions_WithoutTarget_SelectsAndTypesTheSchemaColumns()
    {
        var schema = new InputSchema(
            [new("PassengerId", ColumnType.Numeric, ColumnRole.Id), new("Sex", ColumnType.Text, ColumnRole.Feature)],
            "Survived",
            "1");

        var options = SpecData.ReadOptions(schema, includeTarget: false, InvalidRowPolicy.Skip);

        Assert.Equal(["Sex"], options.Columns);
        Assert.Equal(["PassengerId"], options.OptionalColumns);
        Assert.Equal(ColumnType.Text, options.ColumnTypes!["Sex"]);
        Assert.Equal(InvalidRowPolicy.Skip, options.InvalidRows);
        Assert.Equal(["Sex", "Survived"], SpecData.ReadOptions(schema, includeTarget: true).Columns);
    }

    [Fact]
    public void Conform_ExtraColumns_AreDroppedAndSpecOrderKept()
    {
        var data = new Table(
            new NumericColumn("Age", [22]),
            new TextColumn("Junk", ["x"]),
            new TextColumn("Pclass", ["1"]),
            new NumericColumn("PassengerId", [7]),
            new TextColumn("Survived", ["0"]));

        Assert.Equal(["PassengerId", "Pclass", "Age", "Survived"], SpecData.Conform(Spec, data, includeTarget: true).ColumnNames);
        Assert.Equal(["PassengerId", "Pclass", "Age"], SpecData.Conform(Spec, data, includeTarget: false).ColumnNames);
    }

    [Fact]
    public void Conform_WrongType_ErrorNamesTheColumn()
    {
        var data = new Table(new NumericColumn("PassengerId", [7]), new NumericColumn("Pclass", [1]), new NumericColumn("Age", [22]));

        var ex = Assert.Throws<GangwayException>(() => SpecData.Conform(Spec, data, includeTarget: false));

        Assert.Contains("'Pclass'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conform_MissingTarget_ErrorListsColumnsPresent()
    {
        var data = new Table(new NumericColumn("PassengerId", [7]), new TextColumn("Pclass", ["1"]), new NumericColumn("Age", [22]));

        var ex = Assert.Throws<GangwayException>(() => SpecData.Conform(Spec, data, includeTarget: true));

        Assert.Equal("Could not find column 'Survived'. Columns present: PassengerId, Pclass, Age.", ex.Message);
    }
}
