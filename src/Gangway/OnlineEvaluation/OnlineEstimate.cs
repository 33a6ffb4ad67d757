using Gangway.Evaluation;

namespace Gangway.OnlineEvaluation;

/// <summary>A metric's value on the records seen so far with its confidence interval.</summary>
/// <param name="Value">The value.</param>
/// <param name="Interval">The interval at <see cref="OnlineMetricsOptions.Confidence"/>, <see langword="null"/> when too few records give one.</param>
public sealed record OnlineEstimate(double Value, ConfidenceInterval? Interval);
