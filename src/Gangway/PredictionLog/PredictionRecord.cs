namespace Gangway.PredictionLog;

/// <summary>
/// One scored record as the prediction log keeps it: who asked, which model and variant answered, what it saw (personal
/// data already masked) and what it said. Immutable; safe to share between threads.
/// </summary>
public sealed record PredictionRecord
{
    /// <summary>This record's id: a version 7 GUID as 32 lowercase hex digits (<see cref="PredictionIds"/>), so ids sort by time.</summary>
    public required string PredictionId { get; init; }

    /// <summary>
    /// The id of the answer this record belongs to: its own <see cref="PredictionId"/> when it was served, the served
    /// record's id when it is a shadow's, so that feedback for the answer reaches every model that scored the record.
    /// </summary>
    public required string AnswerId { get; init; }

    /// <summary>The request's id (<c>X-Request-Id</c>), or null when the record did not come through a request.</summary>
    public string? RequestId { get; init; }

    /// <summary>When the record was scored, in UTC.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>What scored it: one of <see cref="PredictionSources"/> (<c>predict</c>, <c>upsell</c>, <c>batch</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The model's name.</summary>
    public required string Model { get; init; }

    /// <summary>The registered version that scored it, or null when the bundle was served from a file.</summary>
    public int? Version { get; init; }

    /// <summary>The SHA-256 of the bundle that scored it.</summary>
    public required string BundleHash { get; init; }

    /// <summary>The deployment variant that scored it (e.g. <c>champion</c>), or null when there is no deployment.</summary>
    public string? Variant { get; init; }

    /// <summary>Whether a shadow scored it: logged, never returned.</summary>
    public bool IsShadow { get; init; }

    /// <summary>The record's business key as <see cref="PredictionKey"/> writes it, or null when it has none.</summary>
    public string? Key { get; init; }

    /// <summary>The inputs as the model saw them, personal data masked, as the text of one JSON object.</summary>
    public required string Inputs { get; init; }

    /// <summary>The predicted label, as text (e.g. <c>1</c>).</summary>
    public required string Prediction { get; init; }

    /// <summary>The probability of the positive class, when the model gives one.</summary>
    public double? Probability { get; init; }

    /// <summary>How long scoring took, in milliseconds.</summary>
    public double LatencyMs { get; init; }
}
