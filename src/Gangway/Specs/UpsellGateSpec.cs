using System.Globalization;
using System.Text;
using Gangway.Data;

namespace Gangway.Specs;

/// <summary>
/// The promotion gate on upsell figures (<c>promotion.upsell</c>): the figures of <c>gangway upsell check</c>, measured on
/// the promotion data or on the gate's own <c>data</c>, must hold against that data. Needs the spec's <c>upsell:</c> section.
/// </summary>
/// <param name="MaxGap">
/// The largest allowed absolute gap between the mean counterfactual probability of the rows moved into a tier and the
/// observed positive rate of that tier, per tier and stratum group (between 0 and 1), or null for no gap check.
/// </param>
/// <param name="Monotone">When true, no row's probability may fall when it moves up a tier.</param>
/// <param name="Data">Labelled data for this gate, relative to the spec file, or null for <see cref="PromotionSpec.Data"/>.</param>
public sealed record UpsellGateSpec(double? MaxGap, bool Monotone, string? Data = null)
{
    internal static UpsellGateSpec Read(SpecNode node)
    {
        node.EnsureKnownKeys("max_gap", "monotone", "data");
        return new UpsellGateSpec(node.Optional("max_gap")?.Double(), node.Optional("monotone")?.Bool() ?? false, node.Optional("data")?.Scalar());
    }

    internal void Validate(ModelSpec spec)
    {
        if (spec.Upsell is null)
        {
            throw Invalid("promotion.upsell checks the upsell figures, but the spec has no upsell section; add 'upsell:' (column, order) or remove the gate");
        }

        if (MaxGap is null && !Monotone)
        {
            throw Invalid("promotion.upsell must set max_gap, monotone: true, or both");
        }

        if (MaxGap is { } gap && (!double.IsFinite(gap) || gap is < 0 or > 1))
        {
            throw Invalid($"promotion.upsell.max_gap must be between 0 and 1; got {Column.FormatNumber(gap)}");
        }

        if (Data is { } data && string.IsNullOrWhiteSpace(data))
        {
            throw Invalid("promotion.upsell.data must name a labelled data file (relative to the spec file) when given");
        }
    }

    internal void Write(StringBuilder yaml, Func<string, string> quote)
    {
        var parts = new List<string>();
        if (MaxGap is { } gap)
        {
            parts.Add("max_gap: " + gap.ToString("R", CultureInfo.InvariantCulture));
        }

        if (Monotone)
        {
            parts.Add("monotone: true");
        }

        if (Data is { } data)
        {
            parts.Add("data: " + quote(data));
        }

        yaml.Append("  upsell: {").AppendJoin(", ", parts).Append("}\n");
    }

    private static GangwayException Invalid(string problem) => new(ErrorKind.InvalidConfiguration, $"Spec: {problem}.");
}
