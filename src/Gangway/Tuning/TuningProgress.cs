namespace Gangway.Tuning;

/// <summary>Where a tuning run is: reported when a candidate starts, after each of its folds, and when it is scored.</summary>
/// <param name="Candidate">The candidate's number, from 1.</param>
/// <param name="Candidates">The number of candidates.</param>
/// <param name="FoldsDone">The candidate's folds done so far.</param>
/// <param name="Folds">The number of folds.</param>
/// <param name="Result">The candidate's result once all its folds are done, else null.</param>
public sealed record TuningProgress(int Candidate, int Candidates, int FoldsDone, int Folds, CandidateResult? Result);
