using Gangway.PredictionLog;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>Prediction records for the log's tests: at whole milliseconds (every store keeps them exactly), ids made at their time.</summary>
public static class LoggedPredictions
{
    /// <summary>The time the tests' records start from.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A served record scored <paramref name="millisecond"/> ms after <see cref="Start"/>.</summary>
    public static PredictionRecord Served(int millisecond, string model = "titanic", string? key = null, string? variant = "champion", string prediction = "1")
    {
        var time = Start.AddMilliseconds(millisecond);
        var id = Guid.CreateVersion7(time).ToString("N");
        return new PredictionRecord
        {
            PredictionId = id,
            AnswerId = id,
            RequestId = "req-" + millisecond,
            Time = time,
            Source = PredictionSources.Predict,
            Model = model,
            Version = 3,
            BundleHash = new string('a', 64),
            Variant = variant,
            Key = key,
            Inputs = $$"""{"Pclass":3,"Sex":"male","Age":{{millisecond % 80}},"Name":"***"}""",
            Prediction = prediction,
            Probability = 0.25 + (millisecond % 50 / 100.0),
            LatencyMs = 0.5,
        };
    }

    /// <summary>A shadow's record of the same answer as <paramref name="served"/>, from another variant.</summary>
    public static PredictionRecord ShadowOf(PredictionRecord served, string variant = "candidate") => served with
    {
        PredictionId = Guid.CreateVersion7(served.Time).ToString("N"),
        IsShadow = true,
        Variant = variant,
        Version = 7,
        Prediction = "0",
        Probability = 0.4,
    };
}
