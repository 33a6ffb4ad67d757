using System.Threading.Channels;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// Drains a queue in bursts for the log's and the shadows' background loops: everything waiting is handled, then the
/// loop rests a moment before it waits again. Waking a loop for every answer would cost the service a thread-pool
/// dispatch per request; resting lets answers gather.
/// </summary>
internal static class BurstReader
{
    private static readonly TimeSpan Rest = TimeSpan.FromMilliseconds(10);

    /// <summary>Handles every item until the queue is completed and empty; <paramref name="handle"/> must not throw.</summary>
    public static async Task ReadAllAsync<T>(ChannelReader<T> reader, Action<T> handle)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                handle(item);
            }

            await Task.Delay(Rest).ConfigureAwait(false);
        }
    }
}
