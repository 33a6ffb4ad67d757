using System.Globalization;
using Gangway.Data;

namespace Gangway.Specs;

/// <summary>
/// The counterfactual behind an upgrade recommendation: an ordered "tier" input column (e.g. a ticket or product class)
/// and the inputs that depend on the tier, which are set to their per-tier training value when a row is moved to another
/// tier. In a spec file: the optional <c>upsell:</c> section (see docs/spec-reference.md).
/// </summary>
public sealed record UpsellSpec
{
    /// <summary>The default smallest gain in probability that makes an upgrade worth recommending.</summary>
    public const double DefaultThreshold = 0.05;

    /// <summary>The tier column, an input of the model (numeric or text).</summary>
    public required string Column { get; init; }

    /// <summary>The tiers from lowest to highest, as text (numbers in a numeric column are compared as numbers).</summary>
    public required IReadOnlyList<string> Order { get; init; }

    /// <summary>The numeric inputs that follow the tier, each with the statistic of the training data it takes per tier.</summary>
    public IReadOnlyList<UpsellFieldSpec> Fields { get; init; } = [];

    /// <summary>The smallest gain (0 to 1) that makes an upgrade a recommendation; default <see cref="DefaultThreshold"/>.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// Input or id columns whose groups <c>gangway upsell check</c> and the promotion <c>upsell</c> gate report separately
    /// (e.g. <c>Sex</c>); empty by default.
    /// </summary>
    public IReadOnlyList<string> Strata { get; init; } = [];

    /// <summary>
    /// When true, the model's probability is made non-decreasing up <see cref="Order"/> for every record (see
    /// <see cref="Upsell.MonotoneTierTransformer"/>): each record is scored in every tier and the tier probabilities are
    /// projected onto the non-decreasing ones (pool-adjacent-violators). Default false.
    /// </summary>
    public bool Monotone { get; init; }

    /// <summary>
    /// The key under which a tier value is compared and looked up in group medians: a number in a numeric column is written
    /// as <see cref="Data.Column.FormatNumber"/> does (so "1" and "1.0" are the same tier), text is kept as it is.
    /// Returns null for text that is not a number when the column is numeric.
    /// </summary>
    internal static string? TierKey(string value, ColumnType type) =>
        type == ColumnType.Text
            ? value
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? Data.Column.FormatNumber(number)
                : null;
}

/// <summary>An input that follows the tier in an upsell counterfactual.</summary>
/// <param name="Column">The numeric input column.</param>
/// <param name="Statistic">What value of the training data the column takes in each tier.</param>
public sealed record UpsellFieldSpec(string Column, UpsellStatistic Statistic);

/// <summary>The per-tier statistic an upsell field is set to.</summary>
public enum UpsellStatistic
{
    /// <summary>The median of the column over the training rows of the tier (written <c>median</c>).</summary>
    Median,
}
