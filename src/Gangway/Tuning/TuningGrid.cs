namespace Gangway.Tuning;

/// <summary>
/// What to tune and how: the metric to optimise, the number of cross-validation folds (and repeats) that score each
/// candidate, the search kind and the spec parameters with their values. Read from YAML or JSON with <see cref="TuningGridReader"/>.
/// </summary>
public sealed record TuningGrid
{
    /// <summary>The metric to optimise, one of <see cref="TuningMetric.Names"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>The number of stratified folds that score each candidate (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// How many times the folds are drawn, each repeat reshuffled (default 1): each candidate is scored on
    /// <see cref="Repeats"/> × <see cref="Folds"/> folds, the same for every candidate.
    /// </summary>
    public int Repeats { get; init; } = 1;

    /// <summary>How the candidate is chosen from the scores (default <see cref="SelectionRule.Best"/>; not a file key: <c>tune --select</c>).</summary>
    public SelectionRule Selection { get; init; } = SelectionRule.Best;

    /// <summary>How candidates are chosen (default <see cref="SearchKind.Grid"/>).</summary>
    public SearchKind Search { get; init; } = SearchKind.Grid;

    /// <summary>How many candidates a random search draws (capped at the number of combinations); null for a grid search.</summary>
    public int? Trials { get; init; }

    /// <summary>The seed of the random search's draws (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The parameters to vary, in file order (the last varies fastest in a grid search).</summary>
    public required IReadOnlyList<TuningParameter> Parameters { get; init; }

    /// <summary>Whether a lower value of <see cref="Metric"/> is better (the losses), else higher is better.</summary>
    public bool LowerIsBetter => TuningMetric.LowerIsBetter(Metric);

    /// <summary>The number of combinations of the parameter values (saturating at <see cref="long.MaxValue"/>).</summary>
    public long CombinationCount => Parameters.Aggregate(1L, (product, p) =>
        p.Values.Count == 0 ? 0 : product > long.MaxValue / p.Values.Count ? long.MaxValue : product * p.Values.Count);
}
