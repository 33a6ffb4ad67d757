using Gangway.Server.Errors;
using Gangway.Server.Metrics;
using Gangway.Server.Predict;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Upsell;

/// <summary>
/// <c>POST /upsell</c> under a deployment routed by a record field: like <see cref="FieldRoutedPredictor"/>, each
/// record is answered by the variant of its own key, and the answer keeps request order.
/// </summary>
internal static class FieldRoutedUpseller
{
    /// <summary>The answer for <paramref name="batch"/> (read with any variant: they share the request schema).</summary>
    public static Results<Ok<UpsellResponse>, ProblemHttpResult> Upsell(HttpContext context, RecordBatch batch, VariantSet set, double? threshold, ServiceMetrics metrics, AnswerLog log, DateTimeOffset now, long started)
    {
        var response = context.Response;
        var reader = set.Champion.Current;
        var errors = RecordRequest.Check(batch, reader);
        if (errors.Count > 0)
        {
            metrics.RecordUpsell(reader, null, errors);
            return Problems.InvalidRecords(errors);
        }

        var variantOfRow = FieldRoutedPredictor.VariantsOf(batch.Table[set.RoutingField!], set);
        var groups = variantOfRow.Select((variant, row) => (variant, row)).GroupBy(p => p.variant, p => p.row).ToList();
        var answers = new IReadOnlyDictionary<string, object?>[batch.Table.RowCount];
        var failures = new List<RecordError>();
        foreach (var group in groups)
        {
            var served = set.Routed[group.Key].Current;
            if (served.Upsell is not { } upsell)
            {
                ModelHeader.Set(response, served);
                return ProblemMap.Problem(ErrorKind.NotFound, served.NoUpsellReason, $"Variant '{served.Variant}' has no upsell.");
            }

            var rows = group.ToList();
            var sub = new RecordBatch(batch.Table.Take(rows), [.. rows.Select(batch.RecordOf)], [], batch.IdsGiven.Take(rows));
            var (results, partErrors) = Upseller.Evaluate(sub, served, upsell, threshold);
            metrics.RecordUpsell(served, results, partErrors);
            failures.AddRange(partErrors);
            if (results is not null)
            {
                var ids = PredictionIds.New(results.Count, now);
                log.Upsold(context, served, sub.Table, ids, now, started);
                var answer = Upseller.Answer(served, sub, results, ids);
                for (var i = 0; i < rows.Count; i++)
                {
                    answers[rows[i]] = answer.Results[i];
                }
            }
        }

        if (failures.Count > 0)
        {
            return Problems.InvalidRecords([.. failures.OrderBy(e => e.Record ?? -1)]);
        }

        var first = answers.Length == 0 ? reader : set.Routed[variantOfRow[0]].Current;
        ModelHeader.Set(response, first);
        return TypedResults.Ok(new UpsellResponse(ModelReference.Of(first, split: groups.Count > 1), answers));
    }
}
