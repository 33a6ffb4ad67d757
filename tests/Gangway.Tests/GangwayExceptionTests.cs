namespace Gangway.Tests;

public class GangwayExceptionTests
{
    [Fact]
    public void WithRowLabel_RowAwareMessage_ReplacesTheRowPhraseOnly()
    {
        var ex = new GangwayException(ErrorKind.InvalidInput, "Column 'Sex' has unknown category 'x' in row 1; known categories: female, male.", 1, "Sex");

        var relabelled = ex.WithRowLabel("line 17");

        Assert.Equal("Column 'Sex' has unknown category 'x' in line 17; known categories: female, male.", relabelled.Message);
        Assert.Equal(ErrorKind.InvalidInput, relabelled.Kind);
        Assert.Equal("Sex", relabelled.Column);
    }

    [Fact]
    public void WithRowLabel_DoesNotMatchALongerNumber()
    {
        var ex = new GangwayException(ErrorKind.InvalidInput, "value from row 12 copied; bad in row 1", 1, null);

        Assert.Equal("value from row 12 copied; bad in record 4", ex.WithRowLabel("record 4").Message);
    }

    [Fact]
    public void WithRowLabel_PhraseInsideAQuotedValue_ReplacesTheRowPhraseOnly()
    {
        var ex = new GangwayException(ErrorKind.InvalidInput, "Column 'Town' has unknown category 'Barrow 1' in row 1.", 1, "Town");

        Assert.Equal("Column 'Town' has unknown category 'Barrow 1' in line 3.", ex.WithRowLabel("line 3").Message);
    }

    [Fact]
    public void WithRowLabel_PhraseAtTheStartAndEnd_IsReplaced()
    {
        Assert.Equal("line 5 is bad", new GangwayException(ErrorKind.InvalidInput, "row 0 is bad", 0, null).WithRowLabel("line 5").Message);
        Assert.Equal("bad in line 5", new GangwayException(ErrorKind.InvalidInput, "bad in row 0", 0, null).WithRowLabel("line 5").Message);
    }

    [Fact]
    public void WithRowLabel_MessageWithoutPhrase_PrefixesLabel()
    {
        var ex = new GangwayException(ErrorKind.InvalidInput, "Bad value.", 3, null);

        Assert.Equal("line 9: Bad value.", ex.WithRowLabel("line 9").Message);
    }

    [Fact]
    public void WithRowLabel_NotAboutARow_IsUnchanged()
    {
        var ex = new GangwayException(ErrorKind.NotFound, "No such file.");

        Assert.Same(ex, ex.WithRowLabel("line 2"));
    }
}
