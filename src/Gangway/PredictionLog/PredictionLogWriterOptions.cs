namespace Gangway.PredictionLog;

/// <summary>How a <see cref="PredictionLogWriter"/> queues, batches and retries.</summary>
public sealed record PredictionLogWriterOptions
{
    /// <summary>How many records may wait in memory; past that, new records are dropped and counted. Default 100,000.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>The most records written in one batch. Default 1,000: a larger batch holds a core for longer at a time, which the service's p99 latency feels.</summary>
    public int MaxBatchSize { get; init; } = 1_000;

    /// <summary>How long the writer waits for a batch to fill once a record is queued. Default 200 ms.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times a failed batch is retried before it is dropped and counted. Default 5.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The wait before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>. Default 100 ms.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries. Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest share of one core the writer may keep busy: after each batch it rests in proportion to how long the
    /// batch took (0.5: as long again). A log that cannot keep up then drops and counts records instead of taking the
    /// cores the answers need. Default 1 (no rest); above 0, at most 1.
    /// </summary>
    public double MaxBusyShare { get; init; } = 1;

    /// <summary>How long disposing waits to write what is queued; what is left after it is dropped and counted. Default 10 s.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks every value, so that a bad setting fails when the writer is made.</summary>
    /// <exception cref="GangwayException">A count is below 1 (0 for retries) or a time is negative (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public void Validate()
    {
        Require(Capacity >= 1, nameof(Capacity), Capacity, "at least 1");
        Require(MaxBatchSize >= 1, nameof(MaxBatchSize), MaxBatchSize, "at least 1");
        Require(MaxRetries >= 0, nameof(MaxRetries), MaxRetries, "0 or more");
        Require(BatchWindow >= TimeSpan.Zero, nameof(BatchWindow), BatchWindow, "not negative");
        Require(FirstRetryDelay >= TimeSpan.Zero, nameof(FirstRetryDelay), FirstRetryDelay, "not negative");
        Require(MaxRetryDelay >= FirstRetryDelay, nameof(MaxRetryDelay), MaxRetryDelay, "at least FirstRetryDelay");
        Require(FlushTimeout >= TimeSpan.Zero, nameof(FlushTimeout), FlushTimeout, "not negative");
        Require(MaxBusyShare is > 0 and <= 1, nameof(MaxBusyShare), MaxBusyShare, "above 0 and at most 1");
    }

    private static void Require(bool valid, string name, object value, string rule)
    {
        if (!valid)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"Prediction log setting '{name}' must be {rule}; it is {value}.");
        }
    }
}
