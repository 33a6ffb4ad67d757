namespace Gangway.Tuning;

/// <summary>One combination of parameter values to score.</summary>
/// <param name="Number">The candidate's number, from 1, in the order candidates are tried.</param>
/// <param name="Parameters">One value per tuned parameter, in the grid's parameter order.</param>
public sealed record TuningCandidate(int Number, IReadOnlyList<CandidateParameter> Parameters)
{
    /// <summary>The values as <c>path=value</c> pairs, e.g. <c>learner.trees=100, seed=1</c>, for messages and tables.</summary>
    public string Describe() => string.Join(", ", Parameters.Select(p => $"{p.Path}={p.Text}"));
}
