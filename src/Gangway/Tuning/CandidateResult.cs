using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Tuning;

/// <summary>How one candidate scored in cross-validation.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Spec">The spec the candidate describes (the tuned spec with the candidate's values).</param>
/// <param name="CrossValidation">Every fold's metrics and the mean and standard deviation of each metric.</param>
/// <param name="Score">The summary of the tuned metric: its mean over the folds is what candidates are ranked by.</param>
public sealed record CandidateResult(TuningCandidate Candidate, ModelSpec Spec, CrossValidationReport CrossValidation, MetricSummary Score);
