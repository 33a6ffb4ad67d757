using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class CandidateGeneratorTests
{
    private static TuningGrid Grid(SearchKind search = SearchKind.Grid, int? trials = null, int seed = 42) => new()
    {
        Metric = "roc_auc",
        Search = search,
        Trials = trials,
        Seed = seed,
        Parameters =
        [
            new TuningParameter("learner.trees", ["50", "100", "200"]),
            new TuningParameter("learner.learning_rate", ["0.05", "0.1"]),
            new TuningParameter("seed", ["1", "2"]),
        ],
    };

    [Fact]
    public void Generate_GridSearch_EveryCombinationWithTheLastParameterFastest()
    {
        var candidates = CandidateGenerator.Generate(Grid());

        Assert.Equal(12, candidates.Count);
        Assert.Equal(Enumerable.Range(1, 12), candidates.Select(c => c.Number));
        Assert.Equal("learner.trees=50, learner.learning_rate=0.05, seed=1", candidates[0].Describe());
        Assert.Equal("learner.trees=50, learner.learning_rate=0.05, seed=2", candidates[1].Describe());
        Assert.Equal("learner.trees=50, learner.learning_rate=0.1, seed=1", candidates[2].Describe());
        Assert.Equal("learner.trees=100, learner.learning_rate=0.05, seed=1", candidates[4].Describe());
        Assert.Equal("learner.trees=200, learner.learning_rate=0.1, seed=2", candidates[11].Describe());
        Assert.Equal(12, candidates.Select(c => c.Describe()).Distinct().Count());
    }

    [Fact]
    public void Generate_RandomSearch_DrawsTrialsDistinctCombinationsOfTheGrid()
    {
        var all = CandidateGenerator.Generate(Grid()).Select(c => c.Describe()).ToHashSet();

        var drawn = CandidateGenerator.Generate(Grid(SearchKind.Random, trials: 5));

        Assert.Equal([1, 2, 3, 4, 5], drawn.Select(c => c.Number));
        Assert.Equal(5, drawn.Select(c => c.Describe()).Distinct().Count());
        Assert.All(drawn, c => Assert.Contains(c.Describe(), all));
    }

    [Fact]
    public void Generate_RandomSearchSameSeed_DrawsTheSameCandidates()
    {
        var first = CandidateGenerator.Generate(Grid(SearchKind.Random, trials: 5, seed: 3)).Select(c => c.Describe());
        var second = CandidateGenerator.Generate(Grid(SearchKind.Random, trials: 5, seed: 3)).Select(c => c.Describe());
        var otherSeed = CandidateGenerator.Generate(Grid(SearchKind.Random, trials: 5, seed: 4)).Select(c => c.Describe());

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Generate_RandomSearchWithMoreTrialsThanCombinations_TriesEachOnce()
    {
        var candidates = CandidateGenerator.Generate(Grid(SearchKind.Random, trials: 50));

        Assert.Equal(CandidateGenerator.Generate(Grid()).Select(c => c.Describe()), candidates.Select(c => c.Describe()));
    }

    [Fact]
    public void Generate_HugeGridSearch_SuggestsARandomSearch()
    {
        var values = Enumerable.Range(0, 200).Select(i => (object?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var grid = new TuningGrid { Metric = "f1", Parameters = [new("learner.trees", values), new("learner.leaves", values)] };

        var ex = Assert.Throws<GangwayException>(() => CandidateGenerator.Generate(grid));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("Grid: a grid search over 40000 combinations is more than 10000; use 'search: random' with 'trials'.", ex.Message);
        Assert.Equal(3, CandidateGenerator.Generate(grid with { Search = SearchKind.Random, Trials = 3 }).Count);
    }
}
