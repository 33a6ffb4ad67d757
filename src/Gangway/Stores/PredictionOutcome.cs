using Gangway.PredictionLog;

namespace Gangway.Stores;

/// <summary>A logged prediction joined with the latest feedback for its answer, for online metrics.</summary>
/// <param name="Prediction">The logged record (served or shadow).</param>
/// <param name="Label">The latest true label given for its answer, or null when none.</param>
/// <param name="Reward">The latest reward given for its answer, or null when none.</param>
public sealed record PredictionOutcome(PredictionRecord Prediction, string? Label, double? Reward);
