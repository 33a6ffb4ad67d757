namespace Gangway.OnlineEvaluation;

/// <summary>
/// One logged prediction joined with the feedback given for it: the input of <see cref="OnlineMetrics"/> and
/// <see cref="OnlineReport"/>. A host maps its stored rows to these; nothing here reads a store.
/// </summary>
/// <param name="Variant">The deployment variant that made the prediction, e.g. <c>champion</c> or a shadow's name.</param>
/// <param name="IsShadow">Whether the prediction was a shadow's: logged, never returned.</param>
/// <param name="AnswerId">
/// The prediction id of the answer the caller received: a served record's own id, or for a shadow record the id of the
/// served record it shadows. Feedback is joined on it, and a shadow is compared to the champion on equal answer ids.
/// </param>
/// <param name="Time">When the prediction was made; tests and their always-valid p-values follow this order.</param>
/// <param name="Probability">The probability of the positive class, or <see langword="null"/> when the model gave none.</param>
/// <param name="Prediction">The predicted class as text, e.g. <c>1</c>.</param>
/// <param name="Label">The observed class as text from feedback, or <see langword="null"/> when none was given (yet).</param>
/// <param name="Reward">The reward from feedback, or <see langword="null"/> when none was given.</param>
public sealed record OnlineObservation(
    string Variant,
    bool IsShadow,
    string AnswerId,
    DateTimeOffset Time,
    double? Probability,
    string Prediction,
    string? Label,
    double? Reward);
