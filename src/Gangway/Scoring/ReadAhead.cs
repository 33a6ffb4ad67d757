using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Gangway.Scoring;

/// <summary>
/// Enumerates a sequence on a background thread, a few items ahead of the consumer, so that producing the next item
/// (parsing a CSV chunk) overlaps with consuming this one (scoring and writing it). The consumer sees exactly what a
/// plain enumeration gives: the same items in the same order, and an exception from the source after all items before
/// it. When the consumer stops early (or throws), the background enumeration is stopped and waited for, so the source
/// (and whatever it reads) is no longer in use once the enumeration is disposed.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Yields <paramref name="source"/>'s items, enumerating it on another thread at most <paramref name="depth"/> items ahead.</summary>
    public static IEnumerable<T> Enumerate<T>(IEnumerable<T> source, int depth)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Iterate(source, depth);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source, int depth)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<Item<T>>(depth);
        var producer = Task.Factory.StartNew(() => Produce(source, queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                item.Error?.Throw();
                yield return item.Value!;
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<Item<T>> queue, CancellationToken stop)
    {
        try
        {
            foreach (var value in source)
            {
                queue.Add(new Item<T>(value, null), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Every failure of the source is handed to the consumer, which rethrows it in order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryAdd(queue, new Item<T>(default, ExceptionDispatchInfo.Capture(ex)), stop);
        }

        queue.CompleteAdding();
    }

    private static void TryAdd<T>(BlockingCollection<Item<T>> queue, Item<T> item, CancellationToken stop)
    {
        try
        {
            queue.Add(item, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer has stopped and will not look at the error.
        }
    }

    private readonly record struct Item<T>(T? Value, ExceptionDispatchInfo? Error);
}
