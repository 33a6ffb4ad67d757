using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class SimplicityOrderTests
{
    private static readonly ModelSpec Titanic = ModelSpecReader.ReadFile(TitanicFiles.TitanicSpec);

    private static ModelSpec WithLearner(string name) => Titanic with { Learner = Titanic.Learner with { Name = name } };

    private static TuningGrid Grid(params (string Path, object?[] Values)[] parameters) =>
        new() { Metric = "roc_auc", Parameters = [.. parameters.Select(p => new TuningParameter(p.Path, p.Values))] };

    // Candidate numbers from simplest to most complex.
    private static int[] Ranked(ModelSpec spec, TuningGrid grid)
    {
        var order = SimplicityOrder.For(spec, grid);
        var candidates = CandidateGenerator.Generate(grid).ToList();
        candidates.Sort(order.Compare);
        return [.. candidates.Select(c => c.Number)];
    }

    [Fact]
    public void Compare_FastTree_RanksFewerTreesFirstThenFewerLeavesThenLargerMinLeaf()
    {
        var grid = Grid(("learner.min_leaf", ["5", "20"]), ("learner.leaves", ["16", "4"]), ("learner.trees", ["200", "50"]));

        // Candidates (min_leaf, leaves, trees): 1 (5,16,200) 2 (5,16,50) 3 (5,4,200) 4 (5,4,50) 5 (20,16,200) 6 (20,16,50) 7 (20,4,200) 8 (20,4,50).
        Assert.Equal([8, 4, 6, 2, 7, 3, 5, 1], Ranked(Titanic, grid));
        Assert.Equal(["smaller learner.trees", "smaller learner.leaves", "larger learner.min_leaf"], SimplicityOrder.For(Titanic, grid).Rules);
    }

    [Fact]
    public void Compare_LogisticRegression_RanksStrongerRegularisationFirst()
    {
        var grid = Grid(("learner.l2", ["0.1", "10", "1"]));

        Assert.Equal([2, 3, 1], Ranked(WithLearner("logistic_regression"), grid));
    }

    [Fact]
    public void Compare_ListValuedFeatureArgument_RanksFewerItemsFirstAfterTheLearnerRules()
    {
        var spec = Titanic with { Features = [.. Titanic.Features.Where(s => s.Name != "drop"), new StepSpec("select", new Dictionary<string, object?> { ["columns"] = new List<object?> { "Pclass" } })] };
        var grid = Grid(
            ("features.select.columns", [new List<object?> { "Pclass", "Sex", "Title" }, new List<object?> { "Pclass", "Sex" }]),
            ("learner.trees", ["100", "50"]));

        // Candidates (columns, trees): 1 (3 cols, 100) 2 (3, 50) 3 (2, 100) 4 (2, 50).
        Assert.Equal([4, 2, 3, 1], Ranked(spec, grid));
        Assert.Equal(["smaller learner.trees", "fewer items in features.select.columns"], SimplicityOrder.For(spec, grid).Rules);
    }

    [Fact]
    public void Compare_DropStepColumns_RanksMoreDroppedColumnsFirst()
    {
        var spec = Titanic with { Features = [.. Titanic.Features.Where(s => s.Name != "drop"), new StepSpec("drop", new Dictionary<string, object?> { ["columns"] = new List<object?> { "Fare" } })] };
        var grid = Grid(("features.drop.columns", [new List<object?> { "Fare" }, new List<object?> { "Fare", "Age" }]));

        Assert.Equal([2, 1], Ranked(spec, grid));
        Assert.Equal(["more items in features.drop.columns"], SimplicityOrder.For(spec, grid).Rules);
    }

    [Fact]
    public void Compare_ParametersWithoutADeclaredSimplicity_FallBackToGridOrderAndAreListed()
    {
        var grid = Grid(("learner.learning_rate", ["0.3", "0.05"]), ("seed", ["2", "1"]), ("features[2].strategy", ["mean", "median"]));

        var order = SimplicityOrder.For(Titanic, grid);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Ranked(Titanic, grid));
        Assert.Empty(order.Rules);
        Assert.Equal(["learner.learning_rate", "seed", "features[2].strategy"], order.Unranked);
    }

    [Fact]
    public void For_LearnerArgumentWithANonNumericValue_IsNotRanked()
    {
        var grid = Grid(("learner.trees", ["50", "many"]));

        Assert.Equal(["learner.trees"], SimplicityOrder.For(Titanic, grid).Unranked);
    }

    [Fact]
    public void Simplest_OfSeveral_IsTheFirstByTheOrder()
    {
        var grid = Grid(("learner.trees", ["200", "50", "100"]));
        var order = SimplicityOrder.For(WithLearner("fast_forest"), grid);

        Assert.Equal(2, order.Simplest(CandidateGenerator.Generate(grid)).Number);
    }
}
