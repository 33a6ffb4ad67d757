using Gangway.Scoring;
using Gangway.Server.Predict;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Gangway.Upsell;

namespace Gangway.Server.Upsell;

/// <summary>
/// Checks a batch against the model's contract, runs the upsell counterfactual and shapes the answer; like
/// <see cref="Predictor"/>, a batch with any invalid record is rejected whole, listing every invalid record.
/// </summary>
internal static class Upseller
{
    /// <summary>The results, or the problems that reject the batch (never both).</summary>
    public static (IReadOnlyList<UpsellResult>? Results, IReadOnlyList<RecordError> Errors) Evaluate(RecordBatch batch, Served served, UpsellCalculator upsell, double? threshold)
    {
        var errors = RecordRequest.Check(batch, served);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var evaluated = BadRows.Score(batch.Table, table => upsell.Evaluate(table, threshold));
        return evaluated.AllScored
            ? (evaluated.Scored, [])
            : (null, [.. evaluated.Failures.Select(f => RowError(batch, served, upsell, f))]);
    }

    private static RecordError RowError(RecordBatch batch, Served served, UpsellCalculator upsell, RowFailure failure)
    {
        var (row, ex) = failure;
        var record = batch.RecordOf(row);
        var field = ex.Column ?? "";
        var tier = field == upsell.Spec.Column;
        var hidden = served.Mask.Hides(field);
        var value = hidden || !batch.Table.Contains(field) ? null : batch.Table[field].FormatValue(row);
        var message = hidden
            ? $"Record {record}: the upsell cannot use the value of '{field}' (personal data, hidden)."
            : ex.WithRowLabel($"record {record}").Message;
        return new RecordError(record, field, tier ? "upsell_tier" : "model", value, message);
    }

    /// <summary>The answer for the results of <see cref="Evaluate"/>, record i with prediction id <paramref name="predictionIds"/>[i].</summary>
    public static UpsellResponse Answer(Served served, RecordBatch batch, IReadOnlyList<UpsellResult> results, Guid[] predictionIds)
    {
        var ids = served.Schema.Ids;
        var rows = new IReadOnlyDictionary<string, object?>[results.Count];
        foreach (var result in results)
        {
            var record = new Dictionary<string, object?>(ids.Count + 6, StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                // A passenger not yet booked has no id: the answer then has no id field.
                if (batch.IdsGiven.IsGiven(served.Schema.IdIndexes[i], result.Row))
                {
                    record[ids[i].Name] = Predictor.ValueOf(batch.Table[ids[i].Name], result.Row);
                }
            }

            record["prediction_id"] = Gangway.PredictionLog.PredictionIds.Format(predictionIds[result.Row]);
            record["current_class"] = result.CurrentTier;
            record["probabilities"] = result.Tiers.ToDictionary(t => t.Tier, t => t.Probability, StringComparer.Ordinal);
            record["recommendation"] = Offer(result.Recommendation);
            record["best_upgrade"] = Offer(result.BestUpgrade);
            record["threshold"] = result.Threshold;
            if (served.Variant is { } variant)
            {
                record["variant"] = variant;
            }

            rows[result.Row] = record;
        }

        return new UpsellResponse(ModelReference.Of(served), rows);
    }

    private static UpsellOffer? Offer(TierProbability? tier) =>
        tier is null ? null : new UpsellOffer(tier.Tier, tier.Probability, tier.Gain);
}
