namespace Gangway.PredictionLog;

/// <summary>The values of <see cref="PredictionRecord.Source"/>.</summary>
public static class PredictionSources
{
    /// <summary>Scored by the service's <c>/predict</c> endpoint.</summary>
    public const string Predict = "predict";

    /// <summary>Scored by the service's <c>/upsell</c> endpoint.</summary>
    public const string Upsell = "upsell";

    /// <summary>Scored in a batch (<c>gangway predict --log</c>).</summary>
    public const string Batch = "batch";
}
