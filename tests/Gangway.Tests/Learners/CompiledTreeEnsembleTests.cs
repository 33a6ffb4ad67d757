using Gangway.Data;
using Gangway.Learners;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Learners;

public sealed class CompiledTreeEnsembleTests
{
    public static TheoryData<string, int> TreeLearners => new()
    {
        { "fast_tree", 0 },
        { "fast_tree", 7 },
        { "light_gbm", 0 },
        { "light_gbm", 7 },
        { "fast_forest", 0 },
        { "fast_forest", 7 },
    };

    [Theory]
    [MemberData(nameof(TreeLearners))]
    public void Probability_TitanicRows_BitIdenticalToMlNet(string learner, int seed)
    {
        var model = Create(learner, TitanicOptions(seed)).Fit(Titanic());
        var rows = Rows(Titanic(), model.FeatureColumns).Concat(Rows(Titanic("validation.csv"), model.FeatureColumns)).ToList();

        AssertSameAsMlNet(model, rows);
    }

    [Theory]
    [MemberData(nameof(TreeLearners))]
    public void Probability_FeaturesOnAndNextToEveryThreshold_BitIdenticalToMlNet(string learner, int seed)
    {
        var model = Create(learner, TitanicOptions(seed)).Fit(Titanic());
        var thresholds = Thresholds(model.MlNetModel, model.FeatureColumns.Count);
        var random = new Random(seed);
        var rows = new List<float[]>();
        for (var i = 0; i < 2000; i++)
        {
            var row = new float[thresholds.Length];
            for (var f = 0; f < row.Length; f++)
            {
                var threshold = thresholds[f].Count == 0 ? 0f : thresholds[f][random.Next(thresholds[f].Count)];
                // Exactly on a threshold a row goes left; just above, right.
                row[f] = random.Next(3) switch
                {
                    0 => threshold,
                    1 => MathF.BitIncrement(threshold),
                    _ => MathF.BitDecrement(threshold),
                };
            }

            rows.Add(row);
        }

        AssertSameAsMlNet(model, rows);
    }

    [Theory]
    [InlineData("fast_tree")]
    [InlineData("light_gbm")]
    [InlineData("fast_forest")]
    public void TryCreate_TreeLearnerBeforeAndAfterLoading_Compiles(string learner)
    {
        var model = Create(learner, TitanicOptions()).Fit(Titanic());
        var loaded = Assert.IsType<BinaryClassifierTransformer>(RoundTrip(model));

        Assert.True(model.IsCompiled);
        Assert.True(loaded.IsCompiled);
        Assert.Equal(100, CompiledTreeEnsemble.TryCreate(loaded.MlNetModel, loaded.FeatureColumns.Count)!.TreeCount);
    }

    [Fact]
    public void TryCreate_LogisticRegression_ReturnsNullSoMlNetScores()
    {
        var model = new LbfgsLogisticRegressionEstimator(TitanicOptions()).Fit(Titanic());

        Assert.Null(CompiledTreeEnsemble.TryCreate(model.MlNetModel, model.FeatureColumns.Count));
        Assert.False(model.IsCompiled);
        Assert.All(Probabilities(model.Transform(Titanic("validation.csv"))), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void TryCreate_FeatureIndexBeyondTheRow_ReturnsNull()
    {
        var model = new FastTreeBinaryEstimator(TitanicOptions()).Fit(Titanic());

        Assert.Null(CompiledTreeEnsemble.TryCreate(model.MlNetModel, featureCount: 1));
    }

    [Fact]
    public void TryCreate_TreesWithMoreThan64Leaves_ReturnsNullAndMlNetStillScores()
    {
        var data = ManyLeavesData();
        var model = new FastTreeBinaryEstimator(SeparableOptions(), new FastTreeHyperparameters { Trees = 3, Leaves = 100, MinLeaf = 1 }).Fit(data);
        Assume(MaxLeaves(model.MlNetModel) > 64);

        Assert.False(model.IsCompiled);
        Assert.Equal(data.RowCount, Probabilities(model.Transform(data)).Length);
    }

    private static void AssertSameAsMlNet(BinaryClassifierTransformer model, IReadOnlyList<float[]> rows)
    {
        var compiled = CompiledTreeEnsemble.TryCreate(model.MlNetModel, model.FeatureColumns.Count);
        Assert.NotNull(compiled);
        var engine = new LearnerScorerPool(new MLContext(), model.MlNetModel, model.FeatureColumns.Count).Get();
        foreach (var row in rows)
        {
            row.CopyTo(engine.Input.Features, 0);
            Assert.Equal(BitConverter.SingleToInt32Bits(engine.Predict()), BitConverter.SingleToInt32Bits(compiled.Probability(row)));
        }
    }

    private static IEnumerable<float[]> Rows(Table data, IReadOnlyList<string> features)
    {
        var columns = features.Select(data.GetNumeric).ToArray();
        for (var row = 0; row < data.RowCount; row++)
        {
            yield return [.. columns.Select(c => (float)c[row])];
        }
    }

    // Every split threshold of each feature, read from ML.NET's public model parameters.
    private static List<float>[] Thresholds(ITransformer model, int featureCount)
    {
        var thresholds = Enumerable.Range(0, featureCount).Select(_ => new List<float>()).ToArray();
        foreach (var tree in Trees(model))
        {
            for (var node = 0; node < tree.NumberOfNodes; node++)
            {
                thresholds[tree.NumericalSplitFeatureIndexes[node]].Add(tree.NumericalSplitThresholds[node]);
            }
        }

        return thresholds;
    }

    private static int MaxLeaves(ITransformer model) => Trees(model).Max(t => t.NumberOfLeaves);

    private static IEnumerable<RegressionTreeBase> Trees(ITransformer model)
    {
        var first = model is IEnumerable<ITransformer> chain ? chain.First() : model;
        var parameters = ((ISingleFeaturePredictionTransformer<object>)first).Model;
        return (parameters is CalibratedModelParametersBase calibrated ? calibrated.SubModel : parameters) switch
        {
            TreeEnsembleModelParametersBasedOnRegressionTree trees => trees.TrainedTreeEnsemble.Trees,
            TreeEnsembleModelParametersBasedOnQuantileRegressionTree trees => trees.TrainedTreeEnsemble.Trees,
            var other => throw new InvalidOperationException($"Not a tree ensemble: {other}"),
        };
    }

    // A noisy label over two continuous features, so that trees can keep splitting.
    private static Table ManyLeavesData()
    {
        var random = new Random(5);
        var x = new double[2000];
        var noise = new double[x.Length];
        var label = new string?[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble();
            noise[i] = random.NextDouble();
            label[i] = random.NextDouble() < 0.5 ? "yes" : "no";
        }

        label[0] = "yes";
        label[1] = "no";
        return new Table(new NumericColumn("x", x), new NumericColumn("noise", noise), new TextColumn("label", label));
    }

    private static void Assume(bool condition) => Assert.True(condition, "The training data did not grow trees of more than 64 leaves.");
}
