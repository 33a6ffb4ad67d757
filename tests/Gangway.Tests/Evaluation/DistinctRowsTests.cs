using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class DistinctRowsTests
{
    [Fact]
    public void Of_RowsAlikeInEverythingTheMetricsRead_AreKeptOnceWithTheirMultiplicity()
    {
        // Rows 0, 2 and 5 are alike; every other row differs from row 0 in one thing only.
        bool[] actual = [true, false, true, true, true, true, true, true];
        double[] probability = [0.7, 0.7, 0.7, 0.6, 0.7, 0.7, 0.7, 0.7];
        bool[] predicted = [true, true, true, true, false, true, true, true];
        double[] other = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.2];
        int[] group = [1, 1, 1, 1, 1, 1, 1, 2];

        var distinct = DistinctRows.Of(actual, [(probability, predicted), (other, predicted)], [group]);

        Assert.Equal([0, 1, 3, 4, 6, 7], distinct.First);
        Assert.Equal([3, 1, 1, 1, 1, 1], distinct.Multiplicity);
        Assert.Equal(6, distinct.Count);
    }

    [Fact]
    public void Of_NoScoresOrGroups_GroupsByClassOnly()
    {
        var distinct = DistinctRows.Of([false, true, false, false], [], []);

        Assert.Equal([0, 1], distinct.First);
        Assert.Equal([3, 1], distinct.Multiplicity);
    }
}
