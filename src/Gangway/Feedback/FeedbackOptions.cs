namespace Gangway.Feedback;

/// <summary>How <see cref="FeedbackRecorder"/> matches and checks feedback.</summary>
public sealed record FeedbackOptions
{
    /// <summary>Who or what gives the feedback, kept with every row (e.g. <c>api</c>, <c>import:outcomes.csv</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The model whose predictions a business key is matched against; needed for feedback by key.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// The log's retention: feedback for a prediction made longer ago than this is late and not recorded (its prediction
    /// is, or soon will be, pruned). Null: nothing is late.
    /// </summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>
    /// The class labels of each model by name (e.g. <c>titanic</c> → <c>0</c>, <c>1</c>); a label for a prediction of
    /// a model listed here must be one of them (<c>1.0</c> and <c>true</c> match <c>1</c>, case is ignored) and is
    /// stored as the class is spelled. Labels of other models are only trimmed, and numbers written without a trailing <c>.0</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ClassLabels { get; init; }

    /// <summary>The clock for feedback times and lateness. Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
