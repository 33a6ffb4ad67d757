namespace Gangway.PredictionLog;

/// <summary>
/// What a service adds to every record of one answer when <see cref="ScoredTableRecords"/> builds them: the request,
/// the variant, whether a shadow scored them and how long scoring took. The default adds nothing (batch scoring).
/// </summary>
public readonly record struct AnswerDetails
{
    /// <summary>The request's id (<c>X-Request-Id</c>), or null.</summary>
    public string? RequestId { get; init; }

    /// <summary>The deployment variant that scored the records, or null when there is no deployment.</summary>
    public string? Variant { get; init; }

    /// <summary>Whether a shadow scored the records.</summary>
    public bool IsShadow { get; init; }

    /// <summary>How long scoring took, in milliseconds.</summary>
    public double LatencyMs { get; init; }
}
