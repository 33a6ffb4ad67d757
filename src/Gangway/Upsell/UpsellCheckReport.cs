using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Upsell;

/// <summary>
/// What <see cref="UpsellCheck"/> found: per tier and stratum group, the model's mean counterfactual probability of the
/// rows moved into the tier next to the observed positive rate of the rows already in it, and how often a row's
/// probability falls when it moves up. Immutable.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="TierColumn">The upsell column.</param>
/// <param name="Order">The tiers, lowest first.</param>
/// <param name="Strata">The stratum columns (empty: every row is one group, <see cref="UpsellCell.Group"/> <c>all</c>).</param>
/// <param name="Monotone">Whether the model enforces a non-decreasing probability up the tiers (<c>upsell.monotone</c>).</param>
/// <param name="Rows">The rows of the reference data.</param>
/// <param name="Bootstrap">How the intervals were drawn (seed, resamples, confidence).</param>
/// <param name="Cells">One cell per tier above the lowest and stratum group, tiers in order.</param>
/// <param name="Falls">How often probabilities fall moving up: all rows first, then each stratum group.</param>
public sealed record UpsellCheckReport(
    string Model,
    string TierColumn,
    IReadOnlyList<string> Order,
    IReadOnlyList<string> Strata,
    bool Monotone,
    int Rows,
    BootstrapOptions Bootstrap,
    IReadOnlyList<UpsellCell> Cells,
    IReadOnlyList<FallingShare> Falls)
{
    /// <summary>The largest absolute gap among the cells that have one, or null when none has.</summary>
    public UpsellCell? LargestGap => Cells.Where(c => c.Gap is not null).MaxBy(c => Math.Abs(c.Gap!.Value));

    /// <summary>The report as JSON (snake_case keys; intervals as <c>[lower, upper]</c> or null).</summary>
    public JsonObject ToJson() => new()
    {
        ["model"] = Model,
        ["column"] = TierColumn,
        ["order"] = new JsonArray([.. Order.Select(o => JsonValue.Create(o))]),
        ["strata"] = new JsonArray([.. Strata.Select(s => JsonValue.Create(s))]),
        ["monotone"] = Monotone,
        ["rows"] = Rows,
        ["confidence"] = Bootstrap.Confidence,
        ["resamples"] = Bootstrap.Resamples,
        ["seed"] = Bootstrap.Seed,
        ["cells"] = new JsonArray([.. Cells.Select(c => (JsonNode)c.ToJson())]),
        ["falls"] = new JsonArray([.. Falls.Select(f => (JsonNode)f.ToJson())]),
    };

    internal static JsonNode? Interval(ConfidenceInterval? interval) =>
        interval is null ? null : new JsonArray(interval.Lower, interval.Upper);
}

/// <summary>One tier and stratum group of an <see cref="UpsellCheckReport"/>.</summary>
/// <param name="Tier">The tier rows are moved into.</param>
/// <param name="Stratum">The stratum column, or null for all rows.</param>
/// <param name="Group">The stratum value (<c>(missing)</c> for missing), or <c>all</c>.</param>
/// <param name="MovedRows">Rows of the group in a lower tier, scored as if in <paramref name="Tier"/>.</param>
/// <param name="CounterfactualMean">Their mean probability in <paramref name="Tier"/>; null without such rows.</param>
/// <param name="CounterfactualInterval">The bootstrap interval of that mean; null for a small group.</param>
/// <param name="ObservedRows">Rows of the group already in <paramref name="Tier"/>.</param>
/// <param name="ObservedRate">Their share of positive labels; null without such rows.</param>
/// <param name="ObservedInterval">The bootstrap interval of that rate; null for a small group.</param>
/// <param name="Gap">The counterfactual mean minus the observed rate; null when either is missing.</param>
/// <param name="GapInterval">The bootstrap interval of the gap; null for a small group.</param>
/// <param name="Note">Why there are no intervals (too few rows), or null.</param>
public sealed record UpsellCell(
    string Tier,
    string? Stratum,
    string Group,
    int MovedRows,
    double? CounterfactualMean,
    ConfidenceInterval? CounterfactualInterval,
    int ObservedRows,
    double? ObservedRate,
    ConfidenceInterval? ObservedInterval,
    double? Gap,
    ConfidenceInterval? GapInterval,
    string? Note)
{
    /// <summary>True when the cell has intervals (both groups large enough); only such cells are judged by the promotion gate.</summary>
    public bool HasIntervals => GapInterval is not null;

    /// <summary>The cell as JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["tier"] = Tier,
        ["stratum"] = Stratum,
        ["group"] = Group,
        ["moved_rows"] = MovedRows,
        ["counterfactual_mean"] = CounterfactualMean,
        ["counterfactual_interval"] = UpsellCheckReport.Interval(CounterfactualInterval),
        ["observed_rows"] = ObservedRows,
        ["observed_rate"] = ObservedRate,
        ["observed_interval"] = UpsellCheckReport.Interval(ObservedInterval),
        ["gap"] = Gap,
        ["gap_interval"] = UpsellCheckReport.Interval(GapInterval),
        ["note"] = Note,
    };
}

/// <summary>How often a group's probabilities fall when its rows move up (rows in the top tier cannot move and are not counted).</summary>
/// <param name="Stratum">The stratum column, or null for all rows.</param>
/// <param name="Group">The stratum value, or <c>all</c>.</param>
/// <param name="Rows">Rows below the top tier.</param>
/// <param name="FallOneTier">Rows whose probability one tier up is below their own.</param>
/// <param name="FallAnyStep">Rows whose probability falls at some step from their tier to the top.</param>
public sealed record FallingShare(string? Stratum, string Group, int Rows, int FallOneTier, int FallAnyStep)
{
    /// <summary><see cref="FallOneTier"/> as a share of <see cref="Rows"/> (0 without rows).</summary>
    public double OneTierShare => Rows == 0 ? 0 : (double)FallOneTier / Rows;

    /// <summary><see cref="FallAnyStep"/> as a share of <see cref="Rows"/> (0 without rows).</summary>
    public double AnyStepShare => Rows == 0 ? 0 : (double)FallAnyStep / Rows;

    /// <summary>The share as JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["stratum"] = Stratum,
        ["group"] = Group,
        ["rows"] = Rows,
        ["fall_one_tier"] = FallOneTier,
        ["fall_one_tier_share"] = OneTierShare,
        ["fall_any_step"] = FallAnyStep,
        ["fall_any_step_share"] = AnyStepShare,
    };
}
