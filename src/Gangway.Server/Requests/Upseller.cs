using Gangway.Server.Hosting;
using Gangway.Upsell;

namespace Gangway.Server.Requests;

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

        try
        {
            return (upsell.Evaluate(batch.Table, threshold), []);
        }
        catch (GangwayException ex) when (ex.Row is not null)
        {
            return (null, RowErrors(batch, served, upsell, threshold));
        }
    }

    // The calculator stops at the first bad row; evaluate each row alone to list every one.
    private static List<RecordError> RowErrors(RecordBatch batch, Served served, UpsellCalculator upsell, double? threshold)
    {
        var errors = new List<RecordError>();
        for (var row = 0; row < batch.Table.RowCount; row++)
        {
            try
            {
                upsell.Evaluate(batch.Table.Take([row]), threshold);
            }
            catch (GangwayException ex)
            {
                var record = batch.RecordOf(row);
                var field = ex.Column ?? "";
                var tier = field == upsell.Spec.Column;
                var hidden = served.Contract?.Find(field) is { Pii: true };
                var value = hidden || !batch.Table.Contains(field) ? null : batch.Table[field].FormatValue(row);
                var message = hidden
                    ? $"Record {record}: the upsell cannot use the value of '{field}' (personal data, hidden)."
                    : ex.WithRowLabel($"record {record}").Message;
                errors.Add(new RecordError(record, field, tier ? "upsell_tier" : "model", value, message));
            }
        }

        return errors;
    }

    /// <summary>The answer for the results of <see cref="Evaluate"/>.</summary>
    public static UpsellResponse Answer(Served served, RecordBatch batch, IReadOnlyList<UpsellResult> results)
    {
        var ids = served.Schema.Ids;
        var rows = new IReadOnlyDictionary<string, object?>[results.Count];
        foreach (var result in results)
        {
            var record = new Dictionary<string, object?>(ids.Count + 5, StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                // A passenger not yet booked has no id: the answer then has no id field.
                if (batch.IdsGiven.IsGiven(served.Schema.IdIndexes[i], result.Row))
                {
                    record[ids[i].Name] = Predictor.ValueOf(batch.Table[ids[i].Name], result.Row);
                }
            }

            record["current_class"] = result.CurrentTier;
            record["probabilities"] = result.Tiers.ToDictionary(t => t.Tier, t => t.Probability, StringComparer.Ordinal);
            record["recommendation"] = Offer(result.Recommendation);
            record["best_upgrade"] = Offer(result.BestUpgrade);
            record["threshold"] = result.Threshold;
            rows[result.Row] = record;
        }

        return new UpsellResponse(ModelReference.Of(served), rows);
    }

    private static UpsellOffer? Offer(TierProbability? tier) =>
        tier is null ? null : new UpsellOffer(tier.Tier, tier.Probability, tier.Gain);
}
