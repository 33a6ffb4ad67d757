using Gangway.Deployment;
using Gangway.OnlineEvaluation;
using Gangway.PredictionLog;
using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;
using Gangway.Tests.Stores;

namespace Gangway.Tests.OnlineEvaluation;

/// <summary>The online report from a real store: the log joined with its feedback, per variant, shadows scored against the served answers' outcomes.</summary>
public sealed class OnlineMonitorTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_LoggedPredictionsAndFeedback_ScoresEachVariantOnItsLabelledAnswers()
    {
        var records = new List<PredictionRecord>();
        var feedback = new List<FeedbackRecord>();
        for (var i = 0; i < 40; i++)
        {
            // The champion predicts 1 for every record; the challenger 0; labels are 1 for three in four records.
            var served = LoggedPredictions.Served(i, variant: i % 2 == 0 ? "champion" : "challenger", prediction: i % 2 == 0 ? "1" : "0");
            records.Add(served);
            records.Add(LoggedPredictions.ShadowOf(served));
            if (i < 32)
            {
                feedback.Add(new FeedbackRecord(Guid.NewGuid().ToString("N"), served.AnswerId, i % 4 == 3 ? "0" : "1", i % 2, LoggedPredictions.Start.AddMinutes(1), "test"));
            }
        }

        await _temp.Store.PredictionLog.AppendAsync(records, default);
        await _temp.Store.Feedback.AppendAsync(feedback, default);

        var report = await OnlineMonitor.ReportAsync(_temp.Store, "titanic", LoggedPredictions.Start, null, default);

        var byName = report.Variants.ToDictionary(v => v.Variant);
        Assert.Equal((20, 16), (byName["champion"].Predictions, byName["champion"].Labelled));
        Assert.Equal((20, 16), (byName["challenger"].Predictions, byName["challenger"].Labelled));
        Assert.Equal((40, 32), (byName["candidate"].Predictions, byName["candidate"].Labelled));
        // Champion: 1 for records 0, 2, 4, ...: labels 0 at i % 4 == 3 never fall on even i, so all 16 are right.
        Assert.Equal(1.0, byName["champion"].Accuracy!.Value);
        // Challenger: 0 for odd i; label 0 at i % 4 == 3: 8 of its 16.
        Assert.Equal(0.5, byName["challenger"].Accuracy!.Value);
        Assert.Empty(report.Decisions);
    }

    [Fact]
    public void RulesOf_Deployment_TakesItsChampionRulesAndMode()
    {
        var spec = DeploymentSpecReader.Parse("""
            model: titanic
            variants:
              - { name: stable, model: titanic@champion, weight: 90 }
              - { name: canary, model: titanic@challenger, weight: 10 }
            champion: stable
            promote_when: { metric: accuracy, margin: 0.02, min_labelled: 50, decide: auto }
            rollback_when: { metric: log_loss, margin: 0.05 }
            """);

        var rules = OnlineMonitor.RulesOf(spec)!;

        Assert.Equal("stable", rules.Champion);
        Assert.Equal(new DecisionRule(DecisionMetric.Accuracy, 0.02, 0.95, 50), rules.PromoteWhen);
        Assert.Equal(new DecisionRule(DecisionMetric.LogLoss, 0.05, 0.95, 100), rules.RollbackWhen);
        Assert.Equal(DecisionMode.Auto, rules.Decide);
        Assert.Null(OnlineMonitor.RulesOf(null));
    }
}
