using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>How <see cref="BatchScorer"/> treats bad rows and reports progress.</summary>
public sealed record BatchScoringOptions
{
    /// <summary>Fail on the first row that cannot be scored (default), or skip it and report it.</summary>
    public InvalidRowPolicy OnError { get; init; } = InvalidRowPolicy.Fail;

    /// <summary>Rows per chunk; memory use is proportional to it, not to the file size. Default 8192.</summary>
    public int ChunkSize { get; init; } = 8192;

    /// <summary>
    /// Whether rejected rows are reported with the values of the contract's personal-data columns (<c>pii: true</c>).
    /// Default false: those values are hidden in the reasons and records of <see cref="BatchScoringResult.Rejected"/>.
    /// </summary>
    public bool IncludePersonalData { get; init; }

    /// <summary>Receives the number of input rows handled so far after each chunk.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// Receives each chunk's scored rows, as read and as the model's output (row for row; rejected rows left out),
    /// before they are written, e.g. to log the predictions; called on the scoring thread, in file order.
    /// </summary>
    public Action<Table, Table>? Scored { get; init; }
}
