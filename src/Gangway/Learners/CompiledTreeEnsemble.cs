using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Gangway.Learners;

/// <summary>
/// The probability of a Platt-calibrated ML.NET tree ensemble (FastTree, LightGBM or FastForest binary classifier),
/// computed straight from the model's public parameters instead of through a prediction engine, which costs several
/// microseconds per row in bookkeeping. The result is bit-identical to ML.NET's: a row goes left at a node when its float
/// feature is &lt;= the float threshold; the leaf values reached are summed as doubles in tree order (ML.NET applies
/// neither tree weights nor bias), the sum is narrowed to a float score, and the probability is
/// <c>(float)(1 / (1 + exp(slope * score + offset)))</c>.
/// </summary>
/// <remarks>
/// The leaf of each tree is found without walking it (the QuickScorer method of Lucchese et al., SIGIR 2015): each
/// tree starts with a bit per leaf, in left-to-right order; every node where the row goes right clears the bits of the
/// leaves in its left subtree; the leftmost leaf still set is the one a walk reaches. Nodes are grouped by feature and
/// sorted by threshold, so the nodes a row goes right at are a prefix of each group, found without unpredictable
/// branches. Trees of up to 64 leaves are supported. Built once per model; immutable and thread-safe.
/// </remarks>
internal sealed class CompiledTreeEnsemble
{
    // The name of the column the calibrator of a FastForest chain reads: the forest's raw score.
    private const string ScoreColumn = "Score";

    private const int MaxLeaves = 64;

    // Above this many trees the per-row leaf masks go on the heap rather than the stack.
    private const int MaxStackTrees = 1024;

    // All nodes, grouped by feature (feature f's nodes are [_featureStarts[f], _featureStarts[f + 1])), each group sorted
    // by threshold; per node its tree and the mask that clears the leaves of its left subtree.
    private readonly int[] _featureStarts;
    private readonly float[] _thresholds;
    private readonly int[] _treeOfNode;
    private readonly ulong[] _rightMasks;

    // Tree t's leaf values, left to right, start at _leafStarts[t].
    private readonly int[] _leafStarts;
    private readonly double[] _leaves;
    private readonly double _slope;
    private readonly double _offset;

    private CompiledTreeEnsemble(int[] featureStarts, Node[] nodes, int[] leafStarts, double[] leaves, PlattCalibrator calibrator)
    {
        _featureStarts = featureStarts;
        _thresholds = [.. nodes.Select(n => n.Threshold)];
        _treeOfNode = [.. nodes.Select(n => n.Tree)];
        _rightMasks = [.. nodes.Select(n => n.RightMask)];
        _leafStarts = leafStarts;
        _leaves = leaves;
        _slope = calibrator.Slope;
        _offset = calibrator.Offset;
    }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _leafStarts.Length;

    /// <summary>
    /// Compiles <paramref name="model"/> when it is one of the shapes Gangway's tree learners produce and every tree is
    /// plain (numeric splits only, at least one split, feature indexes below <paramref name="featureCount"/>); otherwise
    /// returns null, and the caller keeps using ML.NET.
    /// </summary>
    public static CompiledTreeEnsemble? TryCreate(ITransformer model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ITransformer[] parts = model is IEnumerable<ITransformer> chain ? [.. chain] : [model];
        var (trees, calibrator) = parts switch
        {
            // FastTree and LightGBM: one prediction transformer over a calibrated model.
            [ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: var sub, Calibrator: PlattCalibrator platt } }]
                => (sub, platt),

            // FastForest: the forest's raw score, then a Platt calibrator transformer reading it.
            [ISingleFeaturePredictionTransformer<object> { Model: var sub }, ISingleFeaturePredictionTransformer<object> { Model: PlattCalibrator platt, FeatureColumnName: ScoreColumn }]
                => (sub, platt),
            _ => (null, null),
        };
        if (calibrator is null || !double.IsFinite(calibrator.Slope) || !double.IsFinite(calibrator.Offset))
        {
            return null;
        }

        // Only the binary models whose score is the plain sum of leaf values (not, e.g., Tweedie's exponentiated sum).
        var ensemble = trees switch
        {
            FastTreeBinaryModelParameters fastTree => Ensemble.From(fastTree.TrainedTreeEnsemble),
            LightGbmBinaryModelParameters lightGbm => Ensemble.From(lightGbm.TrainedTreeEnsemble),
            FastForestBinaryModelParameters forest => Ensemble.From(forest.TrainedTreeEnsemble),
            _ => null,
        };
        return ensemble is null ? null : Compile(ensemble, featureCount, calibrator);
    }

    /// <summary>The probability of the positive class for one row of finite features, as ML.NET computes it.</summary>
    public float Probability(ReadOnlySpan<float> features)
    {
        var treeCount = _leafStarts.Length;
        var live = treeCount <= MaxStackTrees ? stackalloc ulong[treeCount] : new ulong[treeCount];
        live.Fill(ulong.MaxValue);
        var thresholds = _thresholds;
        var trees = _treeOfNode;
        var masks = _rightMasks;
        for (var f = 0; f < _featureStarts.Length - 1; f++)
        {
            var value = features[f];
            var end = _featureStarts[f + 1];
            for (var n = _featureStarts[f]; n < end && thresholds[n] < value; n++)
            {
                live[trees[n]] &= masks[n];
            }
        }

        double sum = 0;
        for (var t = 0; t < treeCount; t++)
        {
            sum += _leaves[_leafStarts[t] + System.Numerics.BitOperations.TrailingZeroCount(live[t])];
        }

        var score = (float)sum;
        return (float)(1 / (1 + Math.Exp((_slope * score) + _offset)));
    }

    private static CompiledTreeEnsemble? Compile(Ensemble ensemble, int featureCount, PlattCalibrator calibrator)
    {
        if (ensemble.Bias != 0 || ensemble.TreeWeights.Any(w => w != 1) || ensemble.Trees.Count == 0)
        {
            return null;
        }

        var nodes = new List<Node>();
        var leaves = new List<double>();
        var leafStarts = new int[ensemble.Trees.Count];
        for (var t = 0; t < leafStarts.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.NumberOfLeaves > MaxLeaves || !IsPlain(tree, featureCount))
            {
                return null;
            }

            leafStarts[t] = leaves.Count;
            AddInOrder(tree, 0, t, leaves.Count, nodes, leaves);
        }

        Node[] sorted = [.. nodes.OrderBy(n => n.Feature).ThenBy(n => n.Threshold)];
        var featureStarts = new int[featureCount + 1];
        foreach (var node in sorted)
        {
            featureStarts[node.Feature + 1]++;
        }

        for (var f = 0; f < featureCount; f++)
        {
            featureStarts[f + 1] += featureStarts[f];
        }

        return new CompiledTreeEnsemble(featureStarts, sorted, leafStarts, [.. leaves], calibrator);
    }

    // Appends the leaves under `child` (a node index, or the complement of a leaf index) left to right, so that a leaf's
    // bit is its position in the tree, and the nodes under it with their masks; returns the bits of its leaves.
    private static ulong AddInOrder(RegressionTreeBase tree, int child, int treeIndex, int leafStart, List<Node> nodes, List<double> leaves)
    {
        if (child < 0)
        {
            var position = leaves.Count - leafStart;
            leaves.Add(tree.LeafValues[~child]);
            return 1UL << position;
        }

        var left = AddInOrder(tree, tree.LeftChild[child], treeIndex, leafStart, nodes, leaves);
        var right = AddInOrder(tree, tree.RightChild[child], treeIndex, leafStart, nodes, leaves);
        nodes.Add(new Node(tree.NumericalSplitFeatureIndexes[child], tree.NumericalSplitThresholds[child], treeIndex, ~left));
        return left | right;
    }

    // A tree ML.NET walks as a plain binary tree: numeric splits on known features, and every node and leaf reached
    // exactly once from the root (so a walk always ends in a leaf). ML.NET scores a tree without splits as 0, not as
    // its leaf; such trees are left to ML.NET.
    private static bool IsPlain(RegressionTreeBase tree, int featureCount)
    {
        int nodeCount = tree.NumberOfNodes, leafCount = tree.NumberOfLeaves;
        if (nodeCount < 1 || leafCount != nodeCount + 1 || tree.LeafValues.Count != leafCount || tree.LeftChild[0] == 0
            || tree.CategoricalSplitFlags.Any(c => c) || tree.NumericalSplitFeatureIndexes.Any(f => f < 0 || f >= featureCount)
            || tree.NumericalSplitThresholds.Any(float.IsNaN) || tree.LeafValues.Any(v => !double.IsFinite(v)))
        {
            return false;
        }

        var seenNodes = new bool[nodeCount];
        var seenLeaves = new bool[leafCount];
        var pending = new Stack<int>([0]);
        seenNodes[0] = true;
        while (pending.TryPop(out var node))
        {
            foreach (var child in (ReadOnlySpan<int>)[tree.LeftChild[node], tree.RightChild[node]])
            {
                var (seen, index, count) = child >= 0 ? (seenNodes, child, nodeCount) : (seenLeaves, ~child, leafCount);
                if (index >= count || seen[index])
                {
                    return false;
                }

                seen[index] = true;
                if (child >= 0)
                {
                    pending.Push(child);
                }
            }
        }

        return Array.TrueForAll(seenNodes, s => s) && Array.TrueForAll(seenLeaves, s => s);
    }

    private readonly record struct Node(int Feature, float Threshold, int Tree, ulong RightMask);

    private sealed record Ensemble(IReadOnlyList<RegressionTreeBase> Trees, IReadOnlyList<double> TreeWeights, double Bias)
    {
        public static Ensemble From<T>(TreeEnsemble<T> ensemble)
            where T : RegressionTreeBase => new(ensemble.Trees, ensemble.TreeWeights, ensemble.Bias);
    }
}
