namespace Gangway.Stores;

/// <summary>
/// A logged prediction whose answer has feedback, with the latest label and reward given for it: the fields online
/// metrics read, not the whole record (no inputs).
/// </summary>
/// <param name="PredictionId">The record's own id.</param>
/// <param name="AnswerId">The id of the answer it belongs to: its own id when served, the served record's id when a shadow's.</param>
/// <param name="Time">When it was scored.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Variant">The deployment variant that scored it, or null when there was no deployment.</param>
/// <param name="IsShadow">Whether a shadow scored it.</param>
/// <param name="Prediction">The predicted label, as text.</param>
/// <param name="Probability">The probability of the positive class, when the model gave one.</param>
/// <param name="Label">The latest true label given for its answer, or null when none.</param>
/// <param name="Reward">The latest reward given for its answer, or null when none.</param>
public sealed record PredictionOutcome(
    string PredictionId,
    string AnswerId,
    DateTimeOffset Time,
    string Model,
    string? Variant,
    bool IsShadow,
    string Prediction,
    double? Probability,
    string? Label,
    double? Reward);
