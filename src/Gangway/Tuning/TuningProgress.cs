namespace Gangway.Tuning;

/// <summary>Where a tuning run is: reported when a candidate starts, after each of its folds, and when it is scored.</summary>
/// <param name="Candidate">The candidate's number, from 1.</param>
/// <param name="Candidates">The number of candidates.</param>
/// <param name="FoldsDone">The candidate's folds done so far.</param>
/// <param name="Folds">The number of folds, repeats included (repeats × folds).</param>
/// <param name="Result">The candidate's result once all its folds are done, else null.</param>
/// <param name="OuterFold">
/// In a nested search (<see cref="NestedTuner"/>), the outer fold whose training part is being searched, from 1; null in
/// the search on all the data.
/// </param>
public sealed record TuningProgress(int Candidate, int Candidates, int FoldsDone, int Folds, CandidateResult? Result, int? OuterFold = null);
