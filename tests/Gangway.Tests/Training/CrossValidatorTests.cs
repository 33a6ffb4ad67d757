using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tests.Training;

public class CrossValidatorTests
{
    private static readonly ModelSpec Spec = ModelSpecReader.ReadFile(TitanicFiles.BaselineSpec);

    [Fact]
    public void Run_ThreeFolds_HasThreeFoldsThatCoverEveryRowOnce()
    {
        var progress = new RecordingProgress<int>();

        var report = CrossValidator.Run(TitanicFiles.BaselineSpec, TitanicFiles.Train, folds: 3, progress: progress);

        Assert.Equal(3, report.Folds.Count);
        Assert.Equal(712, report.Folds.Sum(f => f.Rows));
        Assert.Equal(287, report.Folds.Sum(f => f.Positives));
        Assert.All(report.Folds, f => Assert.InRange(f.Accuracy, 0.7, 0.9));
        Assert.Equal([1, 2, 3], progress.Reports);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameReport()
    {
        var data = SpecData.ReadLabelled(Spec, TitanicFiles.Train);

        var first = CrossValidator.Run(Spec, data, folds: 3, seed: 5).ToJson();
        var second = CrossValidator.Run(Spec, data, folds: 3, seed: 5).ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_SeedOverride_ChangesTheFolds()
    {
        var withSpecSeed = CrossValidator.Run(TitanicFiles.BaselineSpec, TitanicFiles.Train, folds: 3);
        var withOverride = CrossValidator.Run(TitanicFiles.BaselineSpec, TitanicFiles.Train, folds: 3, seedOverride: 1);
        var withSpecSeedInMemory = CrossValidator.Run(Spec, SpecData.ReadLabelled(Spec, TitanicFiles.Train), folds: 3, seed: 42);

        Assert.NotEqual(withSpecSeed.ToJson(), withOverride.ToJson());
        Assert.Equal(withSpecSeedInMemory.ToJson(), withSpecSeed.ToJson());
    }

    [Fact]
    public void Run_SeparateFoldAndLearnerSeeds_KeepsTheFoldsAndChangesOnlyTheLearner()
    {
        var data = SpecData.ReadLabelled(Spec, TitanicFiles.Train);

        var sameSeeds = CrossValidator.Run(Spec, data, folds: 3, foldSeed: 5, learnerSeed: 5);
        var otherLearnerSeed = CrossValidator.Run(Spec, data, folds: 3, foldSeed: 5, learnerSeed: 6);

        Assert.Equal(CrossValidator.Run(Spec, data, folds: 3, seed: 5).ToJson(), sameSeeds.ToJson());
        Assert.Equal(sameSeeds.Folds.Select(f => (f.Rows, f.Positives)), otherLearnerSeed.Folds.Select(f => (f.Rows, f.Positives)));
        Assert.NotEqual(sameSeeds.ToJson(), otherLearnerSeed.ToJson());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Run_FewerThanTwoFolds_ErrorNamesTheCount(int folds)
    {
        var data = ModelTrainerTests.SmallTraining();

        var ex = Assert.Throws<GangwayException>(() => CrossValidator.Run(Spec, data, folds, seed: 42));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal($"Cross-validation needs at least 2 folds; got {folds}.", ex.Message);
    }

    [Fact]
    public void Run_MoreFoldsThanAClassHasRows_ErrorNamesTheClass()
    {
        var data = ModelTrainerTests.SmallTraining();

        var ex = Assert.Throws<GangwayException>(() => CrossValidator.Run(Spec, data, folds: 5, seed: 42));

        Assert.Contains("has only 4 rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataWithoutAnInput_ErrorNamesIt()
    {
        var data = ModelTrainerTests.SmallTraining().Without(["Pclass"]);

        var ex = Assert.Throws<GangwayException>(() => CrossValidator.Run(Spec, data, folds: 2, seed: 42));

        Assert.StartsWith("Could not find column 'Pclass'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ThreeRepeats_ScoresRepeatsTimesFoldsWithTheFirstRepeatAsTheUnrepeatedRun()
    {
        var data = SpecData.ReadLabelled(Spec, TitanicFiles.Train);
        var progress = new RecordingProgress<int>();

        var repeated = CrossValidator.Run(Spec, data, folds: 3, seed: 5, progress: progress, repeats: 3);
        var single = CrossValidator.Run(Spec, data, folds: 3, seed: 5);

        Assert.Equal((9, 3, 3), (repeated.Folds.Count, repeated.Repeats, repeated.FoldsPerRepeat));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], progress.Reports);
        Assert.Equal(single.Folds.Select(f => (f.Rows, f.Accuracy, f.RocAuc, f.LogLoss)), repeated.Folds.Take(3).Select(f => (f.Rows, f.Accuracy, f.RocAuc, f.LogLoss)));
        Assert.Equal(3, Enumerable.Range(0, 3).Select(r => string.Join(",", repeated.Folds.Skip(3 * r).Take(3).Select(f => f.Accuracy))).Distinct().Count());
        Assert.All(Enumerable.Range(0, 3), r => Assert.Equal(712, repeated.Folds.Skip(3 * r).Take(3).Sum(f => f.Rows)));
        Assert.Equal(9, repeated.Summary("accuracy").Count);
        Assert.NotNull(repeated.Summary("accuracy").Interval);
    }

    [Fact]
    public void Run_RepeatsWithTheSameSeed_GiveTheSameReport()
    {
        var data = SpecData.ReadLabelled(Spec, TitanicFiles.Train);

        var first = CrossValidator.Run(Spec, data, folds: 3, seed: 5, repeats: 2).ToJson();
        var second = CrossValidator.Run(Spec, data, folds: 3, seed: 5, repeats: 2).ToJson();

        Assert.Equal(first, second);
    }
}
