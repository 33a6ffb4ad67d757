using Gangway.Data;

namespace Gangway.Tests.Data;

public class RowErrorTests
{
    [Fact]
    public void Message_WithContractColumn_NamesSourceAndContractColumn()
    {
        var error = new RowError(7, "Alter", "expected a number with decimal ',', found '3x'") { ContractColumn = "Age" };

        Assert.Equal("Line 7, column 'Alter' (Age): expected a number with decimal ',', found '3x'.", error.Message);
    }

    [Fact]
    public void Message_ContractColumnOfTheSameName_IsNotRepeated()
    {
        var error = new RowError(7, "Age", "bad") { ContractColumn = "Age" };

        Assert.Equal("Line 7, column 'Age': bad.", error.Message);
    }
}
