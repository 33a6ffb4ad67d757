using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class NestedTunerTests
{
    private static readonly ModelSpec Baseline = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);

    [Fact]
    public void Run_ThreeOuterFolds_SearchesEachOuterTrainingPartAndScoresItsChoiceOnTheHeldOutFold()
    {
        var grid = TuningGridReader.Parse("metric: accuracy\nfolds: 2\nparameters:\n  learner.trees: [2, 20]\n");
        var data = SpecData.ReadLabelled(Baseline, TitanicFiles.Train);
        var progress = new RecordingProgress<TuningProgress>();

        var nested = NestedTuner.Run(Baseline, data, grid, outerFolds: 3, progress);

        Assert.Equal([1, 2, 3], nested.OuterFolds.Select(f => f.Fold));
        Assert.Equal(Tuner.Run(Baseline, data, grid).ToJson(), nested.Search.ToJson());
        Assert.Equal(new int?[] { null, 1, 2, 3 }, progress.Reports.Select(p => p.OuterFold).Distinct());
        var outer = CrossValidation.Split(SpecData.Conform(Baseline, data, includeTarget: true), "Survived", 3, Baseline.Seed);
        for (var i = 0; i < 3; i++)
        {
            var inner = Tuner.Run(Baseline, outer[i].Train, grid);
            Assert.Equal(inner.Chosen.Candidate.Number, nested.OuterFolds[i].Chosen.Number);
            Assert.Equal(inner.Chosen.Score.Mean, nested.OuterFolds[i].InnerScore);
            var model = SpecEstimatorBuilder.Build(inner.Chosen.Spec, inner.Chosen.Spec.Seed).Fit(outer[i].Train);
            var scored = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions { LabelColumn = "Survived", PositiveClass = "1" })
                .Evaluate(model.Transform(outer[i].Test)).Overall;
            Assert.Equal(scored.Accuracy, nested.OuterFolds[i].OuterScore);
        }

        var scores = nested.OuterFolds.Select(f => f.OuterScore!.Value).ToArray();
        Assert.Equal(scores.Average(), nested.Mean, 12);
        Assert.Equal(nested.Search.Chosen.Score.Mean!.Value, nested.InnerScore);
        Assert.Equal(nested.InnerScore - nested.Mean, nested.Optimism, 12);
    }

    [Fact]
    public void NestedTuningReport_LossMetric_OptimismIsNestedMinusInner()
    {
        var grid = TuningGridReader.Parse("metric: log_loss\nfolds: 2\nparameters:\n  learner.trees: [2, 20]\n");
        var data = SpecData.ReadLabelled(Baseline, TitanicFiles.Train);
        var search = Tuner.Run(Baseline, data, grid);
        var chosen = search.Chosen.Candidate;

        var report = new NestedTuningReport(search, [new OuterFoldResult(1, chosen, 0.40, 0.50), new OuterFoldResult(2, chosen, 0.42, 0.46)]);

        Assert.Equal(0.48, report.Mean, 12);
        Assert.Equal(0.02, report.StandardDeviation, 12);
        Assert.Equal(0.48 - search.Chosen.Score.Mean!.Value, report.Optimism, 12);
        var json = report.ToJson();
        Assert.Equal(2, (int)json["outer_folds"]!);
        Assert.Equal(0.48 - search.Chosen.Score.Mean!.Value, (double)json["optimism"]!, 12);
    }
}
