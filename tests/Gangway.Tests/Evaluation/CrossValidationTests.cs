using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class CrossValidationTests
{
    // 23 rows: 15 "no", 8 "yes"; the id column identifies rows across folds.
    private static Table Data() => new(
        new NumericColumn("id", [.. Enumerable.Range(0, 23).Select(i => (double)i)]),
        new TextColumn("label", [.. Enumerable.Range(0, 23).Select(i => i % 3 == 0 ? "yes" : "no")]));

    private static double[] Ids(Table table) => table.GetNumeric("id").Values.ToArray();

    [Fact]
    public void Split_TestParts_PartitionTheRowsAndTrainIsTheRest()
    {
        var folds = CrossValidation.Split(Data(), "label", 4, seed: 1);

        Assert.Equal(4, folds.Count);
        Assert.Equal(Enumerable.Range(0, 23).Select(i => (double)i), folds.SelectMany(f => Ids(f.Test)).Order());
        Assert.All(folds, fold =>
        {
            Assert.Empty(Ids(fold.Train).Intersect(Ids(fold.Test)));
            Assert.Equal(23, fold.Train.RowCount + fold.Test.RowCount);
            Assert.Equal(Ids(fold.Train).Order(), Ids(fold.Train));
        });
    }

    [Fact]
    public void Split_EachClass_IsSpreadEvenlyOverFolds()
    {
        var folds = CrossValidation.Split(Data(), "label", 4, seed: 1);

        foreach (var label in new[] { "yes", "no" })
        {
            var counts = folds.Select(f => f.Test.GetText("label").Values.ToArray().Count(v => v == label)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, $"Class '{label}' per fold: {string.Join(", ", counts)}");
        }

        var sizes = folds.Select(f => f.Test.RowCount).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"Fold sizes: {string.Join(", ", sizes)}");
    }

    [Fact]
    public void Split_SameSeed_GivesSameFolds()
    {
        var first = CrossValidation.Split(Data(), "label", 3, seed: 42);
        var second = CrossValidation.Split(Data(), "label", 3, seed: 42);

        Assert.Equal(first.Select(f => Ids(f.Test)), second.Select(f => Ids(f.Test)));
    }

    [Fact]
    public void Split_OtherSeed_GivesOtherFolds()
    {
        var first = CrossValidation.Split(Data(), "label", 3, seed: 42);
        var second = CrossValidation.Split(Data(), "label", 3, seed: 43);

        Assert.NotEqual(first.Select(f => Ids(f.Test)), second.Select(f => Ids(f.Test)));
    }

    [Fact]
    public void Split_NumericLabels_AreStratified()
    {
        var data = new Table(new NumericColumn("y", [0, 0, 0, 0, 1, 1, 0, 0, 1, 0]));

        var folds = CrossValidation.Split(data, "y", 3, seed: 5);

        Assert.All(folds, f => Assert.Equal(1, f.Test.GetNumeric("y").Values.ToArray().Count(v => v == 1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Split_FewerThanTwoFolds_Throws(int folds)
    {
        var error = Assert.Throws<GangwayException>(() => CrossValidation.Split(Data(), "label", folds, seed: 1));

        Assert.Contains($"at least 2 folds; got {folds}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_MoreFoldsThanMinorityRows_ThrowsNamingTheClass()
    {
        var error = Assert.Throws<GangwayException>(() => CrossValidation.Split(Data(), "label", 9, seed: 1));

        Assert.Contains("9 stratified folds: class 'yes' has only 8 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_MissingLabel_ThrowsNamingTheRow()
    {
        var data = new Table(new TextColumn("label", ["a", "b", null, "a", "b"]));

        var error = Assert.Throws<GangwayException>(() => CrossValidation.Split(data, "label", 2, seed: 1));

        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void Split_MissingLabelColumn_ThrowsListingColumns()
    {
        var error = Assert.Throws<GangwayException>(() => CrossValidation.Split(Data(), "Survived", 2, seed: 1));

        Assert.Contains("Columns present: id, label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitRepeated_ThreeRepeats_GivesRepeatsTimesFoldsSplitsEachPartitioningTheRows()
    {
        var splits = CrossValidation.SplitRepeated(Data(), "label", 4, 3, seed: 1);

        Assert.Equal(12, splits.Count);
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], splits.Select(s => s.Repeat));
        Assert.Equal([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4], splits.Select(s => s.Fold));
        foreach (var repeat in splits.GroupBy(s => s.Repeat))
        {
            Assert.Equal(Enumerable.Range(0, 23).Select(i => (double)i), repeat.SelectMany(s => Ids(s.Test)).Order());
        }
    }

    [Fact]
    public void SplitRepeated_EachRepeat_AssignsTheRowsToOtherFolds()
    {
        var splits = CrossValidation.SplitRepeated(Data(), "label", 4, 3, seed: 1);

        var assignments = splits.GroupBy(s => s.Repeat)
            .Select(repeat => string.Join("|", repeat.Select(s => string.Join(",", Ids(s.Test)))))
            .ToList();
        Assert.Equal(3, assignments.Distinct().Count());
    }

    [Fact]
    public void SplitRepeated_FirstRepeat_IsTheUnrepeatedSplitAndTheSameSeedGivesTheSameSplits()
    {
        var repeated = CrossValidation.SplitRepeated(Data(), "label", 4, 2, seed: 9);
        var again = CrossValidation.SplitRepeated(Data(), "label", 4, 2, seed: 9);
        var single = CrossValidation.Split(Data(), "label", 4, seed: 9);

        Assert.Equal(single.Select(s => Ids(s.Test)), repeated.Take(4).Select(s => Ids(s.Test)));
        Assert.Equal(repeated.Select(s => Ids(s.Test)), again.Select(s => Ids(s.Test)));
        Assert.Equal(
            CrossValidation.Split(Data(), "label", 4, CrossValidation.RepeatSeed(9, 1)).Select(s => Ids(s.Test)),
            repeated.Skip(4).Select(s => Ids(s.Test)));
    }

    [Fact]
    public void SplitRepeated_NoRepeats_ThrowsWithTheValue()
    {
        var error = Assert.Throws<GangwayException>(() => CrossValidation.SplitRepeated(Data(), "label", 4, 0, seed: 1));

        Assert.Equal("Repeated cross-validation needs at least 1 repeat; got 0.", error.Message);
    }
}
