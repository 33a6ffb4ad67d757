using Gangway.Stores;

namespace Gangway.PredictionLog;

/// <summary>The built-in <see cref="IPredictionLogSink"/>s.</summary>
public static class PredictionLogSinks
{
    /// <summary>A sink that keeps nothing (the log switched off, with the writer's counters still working).</summary>
    public static IPredictionLogSink None() => new NullPredictionLogSink();

    /// <summary>
    /// A sink that appends each batch to the prediction log of a store it opens through <paramref name="stores"/> and
    /// owns (a connection of its own, so the log never waits for the host's other store work).
    /// </summary>
    /// <exception cref="GangwayException">The store cannot be opened.</exception>
    public static async Task<IPredictionLogSink> OpenStoreAsync(StoreCatalog stores, string? uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return new StorePredictionLogSink(await stores.OpenAsync(uri, cancellationToken));
    }

    /// <summary>
    /// A sink that writes one JSON object per line (snake_case names) to files in <paramref name="folder"/>: a new file
    /// each UTC day or when the current one passes a size, keeping the newest few.
    /// </summary>
    /// <exception cref="GangwayException">An option is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static IPredictionLogSink JsonLines(string folder, JsonLinesLogOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var chosen = options ?? new JsonLinesLogOptions();
        chosen.Validate();
        return new JsonLinesPredictionLogSink(folder, chosen, time ?? TimeProvider.System);
    }
}
