using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Scoring;

namespace Gangway.Monitoring;

/// <summary>The training reference drift is measured against: what a model saw in training, read from its bundle.</summary>
public static class MonitoringReference
{
    /// <summary>
    /// The distributions of <paramref name="bundle"/>'s training data. A bundle trained by this version of Gangway stores
    /// them as <see cref="ModelBundle.Reference"/>: a <see cref="TableSketch"/> of the model's feature columns that are not personal data (their values must not be kept where a report can show them) and of its
    /// <see cref="PredictionColumns.Prediction"/> (as text) and <see cref="PredictionColumns.Probability"/> on the
    /// training data. A bundle written before has only <see cref="ModelBundle.Profile"/>, so its feature columns are
    /// approximated from it and the model's outputs are absent:
    /// <list type="bullet">
    /// <item>a numeric column profiled with every value's count (at most 20 distinct values) is exact;</item>
    /// <item>any other numeric column is 9 weighted points, its minimum, its profiled quantiles (1%, 5%, 25%, 50%, 75%,
    /// 95%, 99%) and its maximum, each weighted by half the probability between its neighbours, so the step CDF they form
    /// agrees with the true one at the midpoints between profiled quantiles (coarse in the tails and between quartiles;
    /// infinities are left out, as in the profile);</item>
    /// <item>a text column is its profiled most frequent values (at most 50) with the rest as other.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is null.</exception>
    public static IColumnDistributions Of(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return (IColumnDistributions?)bundle.Reference
            ?? new ProfileDistributions(bundle.Profile, [.. MonitoredTable.Features(bundle).Select(c => c.Name).Where(n => bundle.Profile.Columns.Any(c => c.Name == n))]);
    }

    /// <summary>
    /// The reference a trained model's bundle stores: a sketch of its feature columns in <paramref name="data"/> and of
    /// its outputs in <paramref name="scored"/> (the model's transform of the same rows); the prediction is kept as text.
    /// </summary>
    internal static TableSketch Sketch(InputSchema schema, PersonalDataMask mask, Table data, Table scored)
    {
        var features = MonitoredTable.Features(schema, mask);
        var sketch = MonitoredTable.NewSketch(features);
        sketch.Add(MonitoredTable.Of(features, data, scored));
        return sketch;
    }
}
