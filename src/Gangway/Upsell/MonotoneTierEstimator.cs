using Gangway.Data;
using Gangway.Pipelines;
using Gangway.Profiling;
using Gangway.Specs;

namespace Gangway.Upsell;

/// <summary>
/// Fits a model and makes its probability non-decreasing up the tiers of a spec's <c>upsell:</c> section: fits the
/// wrapped estimator, learns each upsell field's median per tier from the same training data (as the bundle's profile
/// does for <c>/upsell</c>), and returns a <see cref="MonotoneTierTransformer"/>. Holds only its options.
/// </summary>
/// <param name="inner">The estimator of the model to constrain (the spec's steps and learner, with any calibration).</param>
/// <param name="upsell">The upsell section: tier column, order and fields.</param>
/// <param name="tierType">The type of the tier column.</param>
public sealed class MonotoneTierEstimator(IEstimator inner, UpsellSpec upsell, ColumnType tierType) : IEstimator<MonotoneTierTransformer>
{
    /// <summary>The wrapped estimator.</summary>
    public IEstimator Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    /// <exception cref="GangwayException">
    /// The wrapped estimator fails, or no training row of some tier has a value of an upsell field (InvalidInput).
    /// </exception>
    public MonotoneTierTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = Inner.Fit(data);
        var values = upsell.Fields.Select(field => TierMedians(data, field.Column)).ToArray();
        return new MonotoneTierTransformer(model, upsell.Column, tierType, upsell.Order, [.. upsell.Fields.Select(f => f.Column)], values);
    }

    private double[] TierMedians(Table data, string field)
    {
        var medians = DataProfiler.GroupMedians(data, upsell.Column, field);
        return [.. upsell.Order.Select(tier => medians.TryGetValue(UpsellSpec.TierKey(tier, tierType) ?? tier, out var median)
            ? median
            : throw new GangwayException(
                ErrorKind.InvalidInput,
                $"upsell.monotone needs the median of '{field}' in every tier of '{upsell.Column}', but no training row of tier '{tier}' has a value. Tiers with a median: {string.Join(", ", medians.Keys)}."))];
    }
}
