using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Scoring;

namespace Gangway.Monitoring;

/// <summary>
/// What is monitored of a model, the same in its training reference, a file, the log and the service's windows: its
/// feature columns that are not personal data (their values are hidden in the log and must not appear in a report),
/// the prediction as text (categories, whatever the label's type) and the probability.
/// </summary>
internal static class MonitoredTable
{
    public static IReadOnlyList<InputColumn> Features(InputSchema schema, PersonalDataMask mask) =>
        [.. schema.Columns.Where(c => c.Role == ColumnRole.Feature && !mask.Hides(c.Name))];

    public static IReadOnlyList<InputColumn> Features(ModelBundle bundle) => Features(bundle.Schema, PersonalDataMask.Of(bundle.Contract));

    public static TableSketch NewSketch(IReadOnlyList<InputColumn> features) => new([
        .. features.Select(c => (c.Name, c.Type)),
        (PredictionColumns.Prediction, ColumnType.Text),
        (PredictionColumns.Probability, ColumnType.Numeric)]);

    /// <summary>The monitored columns of <paramref name="input"/> and its <paramref name="scored"/> output, row for row; a column the input lacks is left out (the sketch counts it missing).</summary>
    public static Table Of(IReadOnlyList<InputColumn> features, Table input, Table scored)
    {
        var columns = features.Where(c => input.Contains(c.Name)).Select(c => input[c.Name]).ToList();
        if (scored.TryGetColumn(PredictionColumns.Prediction, out var prediction))
        {
            columns.Add(prediction is TextColumn ? prediction : new TextColumn(PredictionColumns.Prediction, [.. Enumerable.Range(0, prediction.Length).Select(prediction.FormatValue)]));
        }

        if (scored.TryGetColumn(PredictionColumns.Probability, out var probability))
        {
            columns.Add(probability);
        }

        return new Table(columns);
    }

    /// <summary>The columns compared: the monitored ones the reference has (an old bundle's reference has no outputs).</summary>
    public static IReadOnlyList<string> Columns(ModelBundle bundle, IColumnDistributions reference)
    {
        var names = Features(bundle).Select(c => c.Name).Append(PredictionColumns.Prediction).Append(PredictionColumns.Probability);
        return [.. names.Where(reference.Columns.Contains)];
    }
}
