using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public sealed class ParallelWorkTests
{
    [Fact]
    public void Map_Items_ResultsInTheItemsOrder()
    {
        var items = Enumerable.Range(0, 100).ToArray();

        Assert.Equal(items.Select(i => i * i), ParallelWork.Map(items, i => i * i));
    }

    [Fact]
    public void Map_SeveralItemsFail_ThrowsTheFirstItemsErrorUnwrapped()
    {
        // The later failure finishes first, so an error chosen by time would be the wrong one.
        var error = Assert.Throws<GangwayException>(() => ParallelWork.Map([0, 1, 2, 3], i => i switch
        {
            1 => Fail(i, delay: 200),
            3 => Fail(i, delay: 0),
            _ => i,
        }));

        Assert.Equal("item 1", error.Message);
    }

    private static int Fail(int item, int delay)
    {
        Thread.Sleep(delay);
        throw new GangwayException(ErrorKind.InvalidInput, $"item {item}");
    }
}
