using Gangway.Data;
using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class TunerTests
{
    private static readonly ModelSpec Titanic = ModelSpecReader.ReadFile(TitanicFiles.TitanicSpec);

    [Fact]
    public void Run_TwoByTwoGrid_PicksTheCandidateWithTheBestMeanRocAuc()
    {
        var grid = TuningGridReader.Parse("metric: roc_auc\nfolds: 2\nparameters:\n  learner.trees: [3, 60]\n  learner.learning_rate: [0.01, 0.3]\n");
        var data = SpecData.ReadLabelled(Titanic, TitanicFiles.Train);

        var report = Tuner.Run(Titanic, new CsvFileSource(TitanicFiles.Train), grid);

        Assert.Equal(4, report.Candidates.Count);
        Assert.Equal(report.Candidates.Max(c => c.Score.Mean), report.Best.Score.Mean);
        Assert.True(report.Candidates.Select(c => c.Score.Mean).Distinct().Count() > 1, "the grid should change the score");
        Assert.All(report.Candidates, c => Assert.Equal(2, c.CrossValidation.Folds.Count));
        var independent = report.Candidates
            .Select(c => CrossValidator.Run(CandidateSpecs.Apply(Titanic, c.Candidate), data, folds: 2, seed: Titanic.Seed))
            .ToList();
        Assert.Equal(independent.Select(r => r.Summary("roc_auc").Mean), report.Candidates.Select(c => c.Score.Mean));
        var bestIndependently = independent.IndexOf(independent.MaxBy(r => r.Summary("roc_auc").Mean)!);
        Assert.Equal(bestIndependently + 1, report.Best.Candidate.Number);
        Assert.Equal(independent[bestIndependently].ToJson(), report.Best.CrossValidation.ToJson());
    }

    [Fact]
    public void Run_LossMetric_PicksTheLowestMean()
    {
        var grid = TuningGridReader.Parse("metric: log_loss\nfolds: 2\nparameters:\n  learner.trees: [2, 40]\n");

        var report = Tuner.Run(Titanic, SpecData.ReadLabelled(Titanic, TitanicFiles.Train), grid);

        Assert.Equal(report.Candidates.Min(c => c.Score.Mean), report.Best.Score.Mean);
        Assert.NotEqual(report.Candidates[0].Score.Mean, report.Candidates[1].Score.Mean);
        Assert.Equal("log_loss", report.Best.Score.Name);
    }

    [Fact]
    public void Run_SeedParameter_ScoresEveryCandidateOnTheSameFolds()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var data = SpecData.ReadLabelled(spec, TitanicFiles.Train);
        var grid = TuningGridReader.Parse("metric: accuracy\nfolds: 3\nparameters:\n  seed: [1, 2]\n");

        var report = Tuner.Run(spec, data, grid);

        Assert.Equal(42, report.FoldSeed);
        Assert.Equal(1, report.Candidates[0].Spec.Seed);
        var expected = CrossValidator.Run(report.Candidates[1].Spec, data, folds: 3, foldSeed: 42, learnerSeed: 2);
        Assert.Equal(expected.ToJson(), report.Candidates[1].CrossValidation.ToJson());
        Assert.Equal(
            report.Candidates[0].CrossValidation.Folds.Select(f => (f.Rows, f.Positives)),
            report.Candidates[1].CrossValidation.Folds.Select(f => (f.Rows, f.Positives)));
    }

    [Fact]
    public void Run_Progress_ReportsEachCandidateStartFoldsAndResult()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var grid = TuningGridReader.Parse("metric: f1\nfolds: 2\nparameters:\n  learner.trees: [5, 10]\n");
        var progress = new RecordingProgress<TuningProgress>();

        var report = Tuner.Run(spec, SpecData.ReadLabelled(spec, TitanicFiles.Train), grid, progress);

        Assert.Equal(
            [(1, 0, false), (1, 1, false), (1, 2, false), (1, 2, true), (2, 0, false), (2, 1, false), (2, 2, false), (2, 2, true)],
            progress.Reports.Select(p => (p.Candidate, p.FoldsDone, p.Result is not null)));
        Assert.All(progress.Reports, p => Assert.Equal((2, 2), (p.Candidates, p.Folds)));
        Assert.Same(report.Candidates[1], progress.Reports[^1].Result);
    }

    [Fact]
    public void Run_BadCandidate_FailsBeforeFittingAny()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var grid = TuningGridReader.Parse("metric: f1\nfolds: 2\nparameters:\n  learner.trees: [5, -1]\n");
        var progress = new RecordingProgress<TuningProgress>();

        var ex = Assert.Throws<GangwayException>(() => Tuner.Run(spec, SpecData.ReadLabelled(spec, TitanicFiles.Train), grid, progress));

        Assert.StartsWith("Candidate 2 (learner.trees=-1): Spec 'learner", ex.Message, StringComparison.Ordinal);
        Assert.Empty(progress.Reports);
    }

    [Fact]
    public void Run_PathNotInSpec_FailsBeforeReadingData()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var grid = TuningGridReader.Parse("metric: f1\nparameters:\n  features.impute.strategy: [mean]\n");

        var ex = Assert.Throws<GangwayException>(() => Tuner.Run(spec, new CsvFileSource("no-such-file.csv"), grid));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("'features.impute.strategy' names feature step 'impute', which the spec does not have", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Repeats_ScoresEveryCandidateOnTheSameRepeatedFolds()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var data = SpecData.ReadLabelled(spec, TitanicFiles.Train);
        var grid = TuningGridReader.Parse("metric: accuracy\nfolds: 3\nrepeats: 2\nparameters:\n  seed: [1, 2]\n");
        var progress = new RecordingProgress<TuningProgress>();

        var report = Tuner.Run(spec, data, grid, progress);

        Assert.All(report.Candidates, c => Assert.Equal((6, 2), (c.CrossValidation.Folds.Count, c.CrossValidation.Repeats)));
        Assert.Equal(
            CrossValidator.Run(report.Candidates[1].Spec, data, folds: 3, foldSeed: 42, learnerSeed: 2, repeats: 2).ToJson(),
            report.Candidates[1].CrossValidation.ToJson());
        Assert.Equal(
            report.Candidates[0].CrossValidation.Folds.Select(f => (f.Rows, f.Positives)),
            report.Candidates[1].CrossValidation.Folds.Select(f => (f.Rows, f.Positives)));
        Assert.All(progress.Reports, p => Assert.Equal(6, p.Folds));
    }

    [Fact]
    public void Run_OneStandardError_ChoosesByTheLearnersDeclaredSimplicity()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);
        var grid = TuningGridReader.Parse("metric: accuracy\nfolds: 3\nparameters:\n  learner.trees: [40, 20]\n") with { Selection = SelectionRule.OneStandardError };

        var report = Tuner.Run(spec, SpecData.ReadLabelled(spec, TitanicFiles.Train), grid);

        // Two fast_forest sizes on Pclass and Sex score within noise of each other: the one with fewer trees is chosen.
        Assert.Equal("20", report.Chosen.Candidate.Parameters[0].Text);
        Assert.Contains("by smaller learner.trees, then grid order", report.Reason, StringComparison.Ordinal);
    }
}
