using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Feedback;

/// <summary>
/// Records outcomes and rewards for logged predictions: the one use case behind the service's <c>POST /feedback</c> and
/// <c>gangway feedback import</c>. Each piece of feedback names its prediction by id or by business key; it is checked
/// (a label or a reward, a finite reward, a non-empty label that is one of the model's classes when they are known),
/// matched to the log (unknown when it is not there, late when older than the retention) and stored under the
/// prediction's answer id, so a shadow's record of the same answer gets it too. Everything accepted is appended in one
/// transaction; invalid, unknown and late feedback is counted and never stops the rest.
/// </summary>
public static class FeedbackRecorder
{
    /// <summary>Checks, matches and records <paramref name="inputs"/>; returns what happened to them.</summary>
    /// <exception cref="GangwayException">The store fails.</exception>
    public static async Task<FeedbackSummary> RecordAsync(IStore store, IReadOnlyList<FeedbackInput> inputs, FeedbackOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var now = options.Time.GetUtcNow();
        var lateBefore = options.Retention is { } retention ? now - retention : (DateTimeOffset?)null;
        var errors = new List<FeedbackError>();
        var rows = new List<FeedbackRecord>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        int unknown = 0, late = 0, duplicate = 0;
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            if (Check(index, input, options) is { } error)
            {
                errors.Add(error);
                continue;
            }

            if (input.PredictionId is { } id && PredictionIds.TimeOf(id) < lateBefore)
            {
                late++;
                continue;
            }

            var prediction = await FindAsync(store, input, options, cancellationToken);
            if (prediction is null)
            {
                unknown++;
                continue;
            }

            if (PredictionIds.TimeOf(prediction.AnswerId) < lateBefore)
            {
                late++;
                continue;
            }

            var label = input.Label;
            if (label is not null)
            {
                label = LabelOf(label, prediction.Model, options, out var labelError);
                if (labelError is not null)
                {
                    errors.Add(new FeedbackError(index, "label", labelError));
                    continue;
                }
            }

            if (!answered.Add(prediction.AnswerId) || (await store.Feedback.HistoryAsync(prediction.AnswerId, cancellationToken)).Count > 0)
            {
                duplicate++;
            }

            rows.Add(new FeedbackRecord(PredictionIds.New(options.Time), prediction.AnswerId, label, input.Reward, now, options.Source));
        }

        await store.Feedback.AppendAsync(rows, cancellationToken);
        return new FeedbackSummary(rows.Count, unknown, duplicate, late, errors);
    }

    /// <summary>
    /// The errors <see cref="RecordAsync"/> would report for <paramref name="inputs"/> without reading the store: the
    /// checks of each piece of feedback, and its label against the classes of <see cref="FeedbackOptions.Model"/> in
    /// <see cref="FeedbackOptions.ClassLabels"/> when they are given. A host that refuses a whole request for one invalid
    /// piece calls it first, so nothing is recorded.
    /// </summary>
    public static IReadOnlyList<FeedbackError> Validate(IReadOnlyList<FeedbackInput> inputs, FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FeedbackError>();
        for (var index = 0; index < inputs.Count; index++)
        {
            if (Check(index, inputs[index], options) is { } error)
            {
                errors.Add(error);
            }
            else if (inputs[index].Label is { } label && options.Model is { } model)
            {
                LabelOf(label, model, options, out var labelError);
                if (labelError is not null)
                {
                    errors.Add(new FeedbackError(index, "label", labelError));
                }
            }
        }

        return errors;
    }

    private static FeedbackError? Check(int index, FeedbackInput input, FeedbackOptions options)
    {
        FeedbackError Error(string field, string message) => new(index, field, message);
        if (input.PredictionId is null && input.Key is null)
        {
            return Error("prediction_id", "field 'prediction_id' or 'key' is required: give the prediction's id or its business key.");
        }

        if (input.PredictionId is not null && input.Key is not null)
        {
            return Error("key", "give 'prediction_id' or 'key', not both.");
        }

        if (input.PredictionId is { } id && !PredictionIds.IsValid(id))
        {
            return Error("prediction_id", $"field 'prediction_id' must be a prediction id (32 hex digits, as the answer gave it); it is '{id}'.");
        }

        if (input.Key is { } key && (options.Model is null || PredictionKey.Canonical(key) is null))
        {
            return options.Model is null
                ? Error("key", "field 'key' needs the model whose predictions it names; give the model.")
                : Error("key", $"field 'key' must give a value for every key column; it is {Describe(key)}.");
        }

        if (input.Label is null && input.Reward is null)
        {
            return Error("label", "field 'label' or 'reward' is required: give the true label, the reward or both.");
        }

        if (input.Label is { } label && string.IsNullOrWhiteSpace(label))
        {
            return Error("label", "field 'label' must not be empty.");
        }

        return input.Reward is { } reward && !double.IsFinite(reward)
            ? Error("reward", $"field 'reward' must be a finite number; it is {reward}.")
            : null;
    }

    private static async Task<PredictionRecord?> FindAsync(IStore store, FeedbackInput input, FeedbackOptions options, CancellationToken cancellationToken) =>
        input.PredictionId is { } id
            ? await store.PredictionLog.FindAsync(id.ToLowerInvariant(), cancellationToken)
            : await store.PredictionLog.FindLatestByKeyAsync(options.Model!, PredictionKey.Canonical(input.Key!)!, cancellationToken);

    private static string LabelOf(string label, string model, FeedbackOptions options, out string? error)
    {
        error = null;
        if (options.ClassLabels is null || !options.ClassLabels.TryGetValue(model, out var classes) || classes.Count == 0)
        {
            return FeedbackLabels.Tidy(label);
        }

        if (FeedbackLabels.Match(label, classes) is { } matched)
        {
            return matched;
        }

        error = $"field 'label' must be one of {string.Join(", ", classes)} for model '{model}'; it is '{label}'.";
        return label;
    }

    private static string Describe(IReadOnlyDictionary<string, object?> key) =>
        key.Count == 0 ? "empty" : string.Join(", ", key.Select(pair => $"{pair.Key} = '{pair.Value}'"));
}
