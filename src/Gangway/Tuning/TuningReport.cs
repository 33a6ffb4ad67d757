using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Tuning;

/// <summary>
/// The immutable result of a tuning search: every candidate with its cross-validated metrics, and the best one (the best
/// mean of the tuned metric; ties go to the earlier candidate), like scikit-learn's <c>cv_results_</c> and <c>best_params_</c>.
/// </summary>
public sealed class TuningReport
{
    /// <summary>Ranks the candidates' results.</summary>
    /// <param name="grid">The grid that was searched.</param>
    /// <param name="foldSeed">The seed the folds were split with (the tuned spec's seed).</param>
    /// <param name="candidates">The candidates' results, in the order they were tried.</param>
    /// <exception cref="GangwayException">No candidate is given, or the metric is undefined for every one (InvalidInput).</exception>
    public TuningReport(TuningGrid grid, int foldSeed, IEnumerable<CandidateResult> candidates)
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
    }

    /// <summary>The grid that was searched.</summary>
    public TuningGrid Grid { get; }

    /// <summary>The seed the folds were split with; every candidate was scored on the same folds.</summary>
    public int FoldSeed { get; }

    /// <summary>Every candidate's result, in the order they were tried.</summary>
    public IReadOnlyList<CandidateResult> Candidates { get; }

    /// <summary>The candidate with the best mean of <see cref="TuningGrid.Metric"/>.</summary>
    public CandidateResult Best { get; }

    /// <summary>
    /// The report as indented JSON: <c>metric</c>, <c>lower_is_better</c>, <c>search</c>, <c>folds</c>, <c>fold_seed</c>,
    /// <c>best</c> (the best candidate's number) and <c>candidates</c>, each with <c>number</c>, <c>parameters</c>
    /// (path → value), <c>mean</c>, <c>std</c> and <c>cross_validation</c> (as <see cref="CrossValidationReport.ToJson"/>).
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
                ["cross_validation"] = JsonNode.Parse(result.CrossValidation.ToJson()),
            });
        }

        return new JsonObject
        {
            ["metric"] = Grid.Metric,
            ["lower_is_better"] = Grid.LowerIsBetter,
            ["search"] = Grid.Search.ToString().ToLowerInvariant(),
            ["folds"] = Grid.Folds,
            ["fold_seed"] = FoldSeed,
            ["best"] = Best.Candidate.Number,
            ["candidates"] = candidates,
        }.ToJsonString(MetricsJson.Indented);
    }

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
