namespace Gangway.Tuning;

/// <summary>One outer fold of a nested cross-validation (<see cref="NestedTuner"/>).</summary>
/// <param name="Fold">The outer fold's number, from 1.</param>
/// <param name="Chosen">The candidate the search on the outer training part chose.</param>
/// <param name="InnerScore">Its mean score in that search (inner cross-validation); null when undefined.</param>
/// <param name="OuterScore">Its score on the outer test fold, fitted on the whole outer training part; null when undefined (e.g. an AUC on one class).</param>
public sealed record OuterFoldResult(int Fold, TuningCandidate Chosen, double? InnerScore, double? OuterScore);
