using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

public sealed class ReadAheadTests
{
    [Fact]
    public void Enumerate_Items_SameItemsInOrderProducedOnAnotherThread()
    {
        var consumer = Environment.CurrentManagedThreadId;
        var producers = new List<int>();

        var items = ReadAhead.Enumerate(Source(100, producers), depth: 2).ToList();

        Assert.Equal(Enumerable.Range(0, 100), items);
        Assert.DoesNotContain(consumer, producers);
    }

    [Fact]
    public void Enumerate_SourceThrows_YieldsEarlierItemsThenTheSameException()
    {
        var error = new InvalidOperationException("bad chunk");
        var seen = new List<int>();

        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Enumerate(Failing(3, error), depth: 1))
            {
                seen.Add(item);
            }
        });

        Assert.Same(error, thrown);
        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public void Enumerate_ConsumerStopsEarly_SourceIsDisposedBeforeReturningAndReadsAtMostAFewAhead()
    {
        var state = new SourceState();

        foreach (var item in ReadAhead.Enumerate(Tracked(1000, state), depth: 1))
        {
            if (item == 4)
            {
                break;
            }
        }

        Assert.True(state.Disposed);
        Assert.InRange(state.Produced, 5, 5 + 3);
    }

    [Fact]
    public void Enumerate_DepthBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadAhead.Enumerate(new[] { 1 }, depth: 0));
    }

    private static IEnumerable<int> Source(int count, List<int> threads)
    {
        for (var i = 0; i < count; i++)
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }

            yield return i;
        }
    }

    private static IEnumerable<int> Failing(int before, Exception error)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        throw error;
    }

    private static IEnumerable<int> Tracked(int count, SourceState state)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                Interlocked.Increment(ref state.Produced);
                yield return i;
            }
        }
        finally
        {
            state.Disposed = true;
        }
    }

    private sealed class SourceState
    {
        public int Produced;
        public volatile bool Disposed;
    }
}
