using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Tuning;

/// <summary>
/// The immutable result of a tuning search: every candidate with its cross-validated metrics, the best one (the best
/// mean of the tuned metric; ties go to the earlier candidate), like scikit-learn's <c>cv_results_</c> and
/// <c>best_params_</c>, and the chosen one by the grid's <see cref="TuningGrid.Selection"/> with the reason.
/// </summary>
public sealed class TuningReport
{
    /// <summary>Ranks the candidates' results and chooses one.</summary>
    /// <param name="grid">The grid that was searched.</param>
    /// <param name="foldSeed">The seed the folds were split with (the tuned spec's seed).</param>
    /// <param name="candidates">The candidates' results, in the order they were tried.</param>
    /// <param name="simplicity">
    /// How to rank the candidates by simplicity for <see cref="SelectionRule.OneStandardError"/>; null ranks by grid order only.
    /// </param>
    /// <exception cref="GangwayException">No candidate is given, or the metric is undefined for every one (InvalidInput).</exception>
    public TuningReport(TuningGrid grid, int foldSeed, IEnumerable<CandidateResult> candidates, SimplicityOrder? simplicity = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(candidates);
        Grid = grid;
        FoldSeed = foldSeed;
        Candidates = [.. candidates];
        var scored = Candidates.Where(c => c.Score.Mean is not null).ToList();
        if (scored.Count == 0)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                Candidates.Count == 0 ? "A tuning report needs at least one candidate; got none." : $"Metric '{grid.Metric}' is undefined in every fold of every candidate, so no candidate can be chosen.");
        }

        // Aggregate keeps the first of equal scores, so a tie goes to the earlier candidate.
        Best = scored.Aggregate((best, next) => IsBetter(next.Score.Mean!.Value, best.Score.Mean!.Value) ? next : best);
        (Chosen, Reason) = Choose(scored, simplicity);
    }

    /// <summary>The grid that was searched.</summary>
    public TuningGrid Grid { get; }

    /// <summary>The seed the folds were split with; every candidate was scored on the same folds.</summary>
    public int FoldSeed { get; }

    /// <summary>Every candidate's result, in the order they were tried.</summary>
    public IReadOnlyList<CandidateResult> Candidates { get; }

    /// <summary>The candidate with the best mean of <see cref="TuningGrid.Metric"/>.</summary>
    public CandidateResult Best { get; }

    /// <summary>The candidate chosen by <see cref="TuningGrid.Selection"/>: <see cref="Best"/>, or the simplest within one standard error of it.</summary>
    public CandidateResult Chosen { get; }

    /// <summary>
    /// Why <see cref="Chosen"/> was chosen, in words, e.g.
    /// <c>candidate 3: simplest within 1 SE of best 0.8610 ± 0.0120 (candidate 7), by smaller learner.trees, then grid order</c>.
    /// </summary>
    public string Reason { get; }

    /// <summary>With <see cref="SelectionRule.OneStandardError"/>, the score a candidate had to reach (best mean ∓ its standard error); else null.</summary>
    public double? Threshold { get; private set; }

    /// <summary>
    /// The report as indented JSON: <c>metric</c>, <c>lower_is_better</c>, <c>search</c>, <c>folds</c>, <c>repeats</c>,
    /// <c>fold_seed</c>, <c>best</c> (the best candidate's number), <c>chosen</c> (the chosen one's),
    /// <c>selection</c> (<c>rule</c>, <c>reason</c>, <c>threshold</c>) and <c>candidates</c>, each with <c>number</c>,
    /// <c>parameters</c> (path → value), <c>mean</c>, <c>std</c>, <c>std_error</c>, <c>interval</c> and
    /// <c>cross_validation</c> (as <see cref="CrossValidationReport.ToJson"/>).
    /// </summary>
    public string ToJson()
    {
        var candidates = new JsonArray();
        foreach (var result in Candidates)
        {
            var parameters = new JsonObject();
            foreach (var parameter in result.Candidate.Parameters)
            {
                parameters[parameter.Path] = ToNode(parameter.Value);
            }

            candidates.Add(new JsonObject
            {
                ["number"] = result.Candidate.Number,
                ["parameters"] = parameters,
                ["mean"] = MetricsJson.Number(result.Score.Mean),
                ["std"] = MetricsJson.Number(result.Score.StandardDeviation),
                ["std_error"] = MetricsJson.Number(result.Score.StandardError),
                ["interval"] = result.Score.Interval is { } interval ? new JsonArray(MetricsJson.Number(interval.Lower), MetricsJson.Number(interval.Upper)) : null,
                ["cross_validation"] = JsonNode.Parse(result.CrossValidation.ToJson()),
            });
        }

        return new JsonObject
        {
            ["metric"] = Grid.Metric,
            ["lower_is_better"] = Grid.LowerIsBetter,
            ["search"] = Grid.Search.ToString().ToLowerInvariant(),
            ["folds"] = Grid.Folds,
            ["repeats"] = Grid.Repeats,
            ["fold_seed"] = FoldSeed,
            ["best"] = Best.Candidate.Number,
            ["chosen"] = Chosen.Candidate.Number,
            ["selection"] = new JsonObject
            {
                ["rule"] = RuleName(Grid.Selection),
                ["reason"] = Reason,
                ["threshold"] = MetricsJson.Number(Threshold),
            },
            ["candidates"] = candidates,
        }.ToJsonString(MetricsJson.Indented);
    }

    /// <summary>The rule's name on the command line and in JSON: <c>best</c> or <c>one_se</c>.</summary>
    public static string RuleName(SelectionRule rule) => rule == SelectionRule.OneStandardError ? "one_se" : "best";

    private (CandidateResult Chosen, string Reason) Choose(List<CandidateResult> scored, SimplicityOrder? simplicity)
    {
        var best = Best.Score.Mean!.Value;
        var bestText = Number(best);
        if (Grid.Selection == SelectionRule.Best)
        {
            return (Best, $"candidate {Best.Candidate.Number}: best mean {Grid.Metric} {bestText}");
        }

        if (Best.Score.StandardError is not { } error)
        {
            return (Best, $"candidate {Best.Candidate.Number}: best mean {bestText}; no standard error (fewer than 2 fold scores), so the one-SE rule cannot widen the choice");
        }

        var threshold = Grid.LowerIsBetter ? best + error : best - error;
        Threshold = threshold;
        var within = scored.Where(c => Grid.LowerIsBetter ? c.Score.Mean!.Value <= threshold : c.Score.Mean!.Value >= threshold).ToList();
        var order = simplicity ?? SimplicityOrder.GridOrder;
        var simplest = order.Simplest(within.Select(c => c.Candidate));
        var chosen = within.First(c => c.Candidate == simplest);
        var rules = order.Rules.Count == 0 ? "grid order (no tuned parameter has a declared simplicity)" : string.Join(", then ", order.Rules.Append("grid order"));
        var ignored = order.Unranked.Count == 0 ? "" : $"; not ranked: {string.Join(", ", order.Unranked)}";
        return (chosen, $"candidate {chosen.Candidate.Number}: simplest within 1 SE of best {bestText} ± {Number(error)} (candidate {Best.Candidate.Number}; {within.Count} of {scored.Count} within), by {rules}{ignored}");
    }

    private static string Number(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    private bool IsBetter(double candidate, double best) => Grid.LowerIsBetter ? candidate < best : candidate > best;

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToNode)]),
        _ => JsonValue.Create(CandidateParameter.Format(value)),
    };
}
