using Gangway.Data;
using Gangway.Deployment;
using Gangway.Server.Hosting;
using Gangway.Server.Records;
using Gangway.Server.Serving;

namespace Gangway.Server.Predict;

/// <summary>
/// <c>POST /predict</c> under a deployment routed by a record field (<c>sticky: {field: PassengerId}</c>): each record
/// goes to the variant of its own key (at random by weight when it has none), so a batch may be split. The body is read
/// once (all variants share the request schema), each variant scores its records, and the answer keeps request order.
/// </summary>
internal static class FieldRoutedPredictor
{
    /// <summary>The predictions, or the problems that reject the batch (never both).</summary>
    public static (PredictionsResult? Response, IReadOnlyList<RecordError> Errors) Predict(ReadOnlyMemory<byte> body, bool csv, VariantSet set, ServerOptions settings, DateTimeOffset now)
    {
        var reader = set.Champion.Current;
        var batch = RecordRequest.Read(body, csv, reader, settings);
        var errors = RecordRequest.Check(batch, reader);
        if (errors.Count > 0 || batch.Table.RowCount == 0)
        {
            return errors.Count > 0 ? (null, errors) : Predictor.Predict(batch, reader, now);
        }

        var variantOfRow = VariantsOf(batch.Table[set.RoutingField!], set);
        var groups = variantOfRow.Select((variant, row) => (variant, row)).GroupBy(p => p.variant, p => p.row).ToList();
        if (groups.Count == 1)
        {
            return Predictor.Predict(batch, set.Routed[groups[0].Key].Current, now);
        }

        var parts = new PredictionsResult[groups.Count];
        var partOfRecord = new int[batch.Table.RowCount];
        var rowInPart = new int[batch.Table.RowCount];
        var failures = new List<RecordError>();
        for (var part = 0; part < groups.Count; part++)
        {
            var rows = groups[part].ToList();
            var sub = new RecordBatch(batch.Table.Take(rows), [.. rows.Select(batch.RecordOf)], [], batch.IdsGiven.Take(rows));
            var (answer, partErrors) = Predictor.Predict(sub, set.Routed[groups[part].Key].Current, now);
            failures.AddRange(partErrors);
            parts[part] = answer!;
            for (var i = 0; i < rows.Count; i++)
            {
                partOfRecord[rows[i]] = part;
                rowInPart[rows[i]] = i;
            }
        }

        // Rows and records coincide once the batch passed its check, so request order is row order.
        return failures.Count > 0
            ? (null, [.. failures.OrderBy(e => e.Record ?? -1)])
            : (new PredictionsResult(parts, partOfRecord, rowInPart), []);
    }

    /// <summary>The index in <see cref="VariantSet.Routed"/> of the variant of each row, by its key in <paramref name="keys"/>.</summary>
    internal static int[] VariantsOf(Column keys, VariantSet set)
    {
        var variants = new int[keys.Length];
        for (var row = 0; row < variants.Length; row++)
        {
            var key = keys switch
            {
                NumericColumn numbers => RoutingKey.FromNumber(numbers[row]),
                TextColumn texts => RoutingKey.FromText(texts[row]),
                _ => RoutingKey.FromText(keys.FormatValue(row)),
            };
            variants[row] = set.RouteKey(key);
        }

        return variants;
    }
}
