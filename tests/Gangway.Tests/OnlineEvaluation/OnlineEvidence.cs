using Gangway.Deployment;
using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Tests.OnlineEvaluation;

/// <summary>
/// Seeds a store with what a deployment's decision is made from: served predictions of a champion and a challenger, one
/// after the other, each with a label fed back, right for the given share of each variant's records.
/// </summary>
public static class OnlineEvidence
{
    /// <summary>A two-variant deployment of titanic (champion follows titanic@champion, challenger titanic@challenger) with one rule on accuracy.</summary>
    public static DeploymentSpec Deployment(string rule, string decide) => DeploymentSpecReader.Parse($$"""
        model: titanic
        variants:
          - { name: champion, model: titanic@champion, weight: 50 }
          - { name: challenger, model: titanic@challenger, weight: 50 }
        champion: champion
        {{rule}}: { metric: accuracy, margin: 0, min_labelled: 50, decide: {{decide}} }
        """);

    /// <summary>
    /// Appends <paramref name="perVariant"/> predictions of each variant from <paramref name="from"/> on (a millisecond
    /// apart), with labels: right for <paramref name="championRight"/> and <paramref name="challengerRight"/> twentieths.
    /// </summary>
    public static async Task SeedAsync(IStore store, DateTimeOffset from, int perVariant, int championRight, int challengerRight)
    {
        var records = new List<PredictionRecord>();
        var feedback = new List<FeedbackRecord>();
        for (var i = 0; i < perVariant * 2; i++)
        {
            var time = from.AddMilliseconds(i);
            var id = Guid.CreateVersion7(time).ToString("N");
            var champion = i % 2 == 0;
            var right = i / 2 % 20 < (champion ? championRight : challengerRight);
            records.Add(new PredictionRecord
            {
                PredictionId = id,
                AnswerId = id,
                Time = time,
                Source = PredictionSources.Predict,
                Model = "titanic",
                BundleHash = new string('b', 64),
                Variant = champion ? "champion" : "challenger",
                Inputs = "{}",
                Prediction = "1",
                Probability = 0.7,
            });
            feedback.Add(new FeedbackRecord(Guid.CreateVersion7(time).ToString("N"), id, right ? "1" : "0", null, time.AddMinutes(1), "test"));
        }

        await store.PredictionLog.AppendAsync(records, CancellationToken.None);
        await store.Feedback.AppendAsync(feedback, CancellationToken.None);
    }
}
