using Gangway.OnlineEvaluation;

namespace Gangway.Tests.OnlineEvaluation;

/// <summary>Simulated deployment traffic for the online evaluation tests: served variants, a shadow, outcomes.</summary>
internal static class OnlineObservations
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="records"/> answers, each served by the challenger with probability <paramref name="challengerShare"/>
    /// (else the champion) and shadowed by <c>candidate</c>; each variant's probability is right with its accuracy, and
    /// a share <paramref name="labelledShare"/> of answers get their label (and a reward of 1 when the answer was right).
    /// </summary>
    public static List<OnlineObservation> Simulate(
        int records,
        double championAccuracy,
        double challengerAccuracy,
        double shadowAccuracy,
        double challengerShare = 0.2,
        double labelledShare = 1,
        int seed = 1)
    {
        var random = new Random(seed);
        var observations = new List<OnlineObservation>(records * 2);
        for (var i = 0; i < records; i++)
        {
            var answerId = Guid.CreateVersion7(Start.AddSeconds(i)).ToString("N");
            var time = Start.AddSeconds(i);
            var label = random.NextDouble() < 0.4;
            string? text = random.NextDouble() < labelledShare ? (label ? "1" : "0") : null;
            var challenger = random.NextDouble() < challengerShare;
            var (variant, accuracy) = challenger ? ("challenger", challengerAccuracy) : ("champion", championAccuracy);
            observations.Add(Observation(variant, false, answerId, time, Score(random, label, accuracy), text, label));
            observations.Add(Observation("candidate", true, answerId, time, Score(random, label, shadowAccuracy), text, label));
        }

        return observations;
    }

    public static OnlineObservation Labelled(string variant, double probability, string label, string? id = null, double? reward = null, int second = 0) =>
        new(variant, false, id ?? Guid.NewGuid().ToString("N"), Start.AddSeconds(second), probability, probability >= 0.5 ? "1" : "0", label, reward);

    // A probability on the right side of 0.5 with the given accuracy, spread so ROC AUC and calibration mean something.
    private static double Score(Random random, bool label, double accuracy)
    {
        var right = random.NextDouble() < accuracy;
        var confidence = 0.5 + (0.5 * random.NextDouble());
        return (label == right) ? confidence : 1 - confidence;
    }

    private static OnlineObservation Observation(string variant, bool shadow, string id, DateTimeOffset time, double probability, string? label, bool truth) =>
        new(variant, shadow, id, time, probability, probability >= 0.5 ? "1" : "0", label, label is null ? null : ((probability >= 0.5) == truth ? 1 : 0));
}
