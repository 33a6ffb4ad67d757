using Gangway.Pipelines;

namespace Gangway.Tests.Pipelines;

public class RowValuesTests
{
    // Two input columns and three more slots for what the steps compute, which a caller must not reach.
    private static RowValues NewRow() => new(inputCount: 2, slotCount: 5);

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void SetNumber_IndexOutsideTheInputs_ThrowsArgumentOutOfRange(int input)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewRow().SetNumber(input, 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void SetText_IndexOutsideTheInputs_ThrowsArgumentOutOfRange(int input)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewRow().SetText(input, "x"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(4)]
    public void GetNumberAndGetText_IndexOutsideTheInputs_ThrowArgumentOutOfRange(int input)
    {
        var row = NewRow();

        Assert.Throws<ArgumentOutOfRangeException>(() => row.GetNumber(input));
        Assert.Throws<ArgumentOutOfRangeException>(() => row.GetText(input));
    }

    [Fact]
    public void New_EveryInputMissing()
    {
        var row = NewRow();

        Assert.Equal(2, row.InputCount);
        Assert.True(double.IsNaN(row.GetNumber(0)) && double.IsNaN(row.GetNumber(1)));
        Assert.Null(row.GetText(0));
        Assert.Null(row.GetText(1));
    }

    [Fact]
    public void SetNumberAndSetText_ReadBackFromTheirInput()
    {
        var row = NewRow();

        row.SetNumber(0, 3.5);
        row.SetText(1, "male");

        Assert.Equal((3.5, "male"), (row.GetNumber(0), row.GetText(1)));
        // A numeric input has no text and a text input no number.
        Assert.Null(row.GetText(0));
        Assert.True(double.IsNaN(row.GetNumber(1)));
    }

    [Fact]
    public void Clear_AfterValuesAndComputedSlots_EverySlotMissing()
    {
        var row = NewRow();
        row.SetNumber(0, 1);
        row.SetText(1, "S");
        row.Numbers[4] = 2;
        row.Texts[3] = "Mr";

        row.Clear();

        Assert.All(row.Numbers, n => Assert.True(double.IsNaN(n)));
        Assert.All(row.Texts, Assert.Null);
    }
}
