using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Tuning;

/// <summary>
/// The result of <see cref="NestedTuner"/>: the search on all the data, each outer fold's choice and score, the nested
/// estimate (mean and population standard deviation of the outer scores) and the optimism of the search's own score.
/// </summary>
public sealed class NestedTuningReport
{
    /// <summary>Summarises the outer folds of a nested cross-validation.</summary>
    /// <param name="search">The search on all the data, whose chosen candidate is the one to train.</param>
    /// <param name="outerFolds">Every outer fold's result, in order.</param>
    /// <exception cref="GangwayException">No outer fold is given, or the metric is undefined in every outer fold (InvalidInput).</exception>
    public NestedTuningReport(TuningReport search, IEnumerable<OuterFoldResult> outerFolds)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(outerFolds);
        Search = search;
        OuterFolds = [.. outerFolds];
        var scores = OuterFolds.Select(f => f.OuterScore).OfType<double>().ToArray();
        if (scores.Length == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Metric '{search.Grid.Metric}' is undefined on every outer test fold, so nested cross-validation gives no estimate.");
        }

        Mean = scores.Average();
        StandardDeviation = Math.Sqrt(scores.Sum(s => (s - Mean) * (s - Mean)) / scores.Length);
        InnerScore = search.Chosen.Score.Mean!.Value;
        Optimism = search.Grid.LowerIsBetter ? Mean - InnerScore : InnerScore - Mean;
    }

    /// <summary>The search on all the data.</summary>
    public TuningReport Search { get; }

    /// <summary>Every outer fold's result, in order.</summary>
    public IReadOnlyList<OuterFoldResult> OuterFolds { get; }

    /// <summary>The nested estimate: the mean of the outer fold scores (where defined).</summary>
    public double Mean { get; }

    /// <summary>The population standard deviation of the outer fold scores.</summary>
    public double StandardDeviation { get; }

    /// <summary>The chosen candidate's mean score in the search on all the data: the figure a search reports, optimistic because it chose.</summary>
    public double InnerScore { get; }

    /// <summary>
    /// How much better <see cref="InnerScore"/> looks than the nested estimate: <c>inner − nested</c> when higher is
    /// better, <c>nested − inner</c> for the losses; positive means the search's own score is optimistic.
    /// </summary>
    public double Optimism { get; }

    /// <summary>
    /// The nested part as a JSON object: <c>outer_folds</c>, <c>mean</c>, <c>std</c>, <c>inner</c>, <c>optimism</c> and
    /// <c>per_fold</c> (each with <c>fold</c>, <c>chosen</c> parameters, <c>inner</c> and <c>outer</c> scores).
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["outer_folds"] = OuterFolds.Count,
        ["mean"] = MetricsJson.Number(Mean),
        ["std"] = MetricsJson.Number(StandardDeviation),
        ["inner"] = MetricsJson.Number(InnerScore),
        ["optimism"] = MetricsJson.Number(Optimism),
        ["per_fold"] = new JsonArray([.. OuterFolds.Select(f => new JsonObject
        {
            ["fold"] = f.Fold,
            ["chosen"] = f.Chosen.Describe(),
            ["inner"] = MetricsJson.Number(f.InnerScore),
            ["outer"] = MetricsJson.Number(f.OuterScore),
        })]),
    };
}
