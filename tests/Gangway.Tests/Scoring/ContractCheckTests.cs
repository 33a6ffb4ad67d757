using Gangway.Data;
using Gangway.Schema;
using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

public sealed class ContractCheckTests
{
    private static readonly ContractCheck Check = new(new DataSchema(
    [
        new ColumnSchema { Name = "Pclass", Type = SchemaType.Category, AllowedValues = ["first", "second", "third"], Nullable = false },
        new ColumnSchema { Name = "Age", Type = SchemaType.Real, Min = 0, Warnings = new HashSet<ValidationRule> { ValidationRule.Min } },
    ]));

    private static Table Rows(string?[] pclass, double[] age) => new(new TextColumn("Pclass", pclass), new NumericColumn("Age", age));

    [Fact]
    public void Check_ValidRows_PassesAndCountsWarnings()
    {
        var result = Check.Check(Rows(["first", "third"], [-1, 20]));

        Assert.True(result.Passed);
        Assert.Equal(1, result.Warnings);
        Assert.Empty(result.RejectedRows);
    }

    [Fact]
    public void Check_BrokenRows_ListsEveryErrorInRowOrder()
    {
        var result = Check.Check(Rows(["seventh", "second", null], [1, 2, 3]));

        Assert.False(result.Passed);
        Assert.Equal([0, 2], result.RejectedRows);
        Assert.Equal(["values", "required"], result.Errors.Select(v => v.RuleName));
    }

    [Fact]
    public void Check_ValuesNotChecked_AreLeftOut()
    {
        var result = Check.Check(Rows(["seventh", "second", null], [1, 2, 3]), (row, column) => row != 0);

        Assert.Equal([2], result.RejectedRows);
    }
}
