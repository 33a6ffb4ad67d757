using Gangway.Data;

namespace Gangway.Specs;

/// <summary>Checks a spec's <c>upsell:</c> section against the spec's inputs and, when there is one, its data contract.</summary>
internal static class UpsellSpecValidator
{
    public static void Validate(ModelSpec spec, UpsellSpec upsell)
    {
        var inputs = NameList.Of(spec.Inputs.Select(c => c.Name));
        var tier = spec.Inputs.FirstOrDefault(c => c.Name == upsell.Column)
            ?? throw Invalid($"upsell.column '{upsell.Column}' is not an input column; inputs: {inputs}");
        if (upsell.Order.Count < 2)
        {
            throw Invalid($"upsell.order must list at least two tiers of '{tier.Name}', lowest first; got {upsell.Order.Count}");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in upsell.Order)
        {
            var key = UpsellSpec.TierKey(value, tier.Type)
                ?? throw Invalid($"upsell.order value '{value}' is not a number, but '{tier.Name}' is numeric");
            if (!keys.Add(key))
            {
                throw Invalid($"upsell.order lists tier '{value}' twice");
            }
        }

        if (spec.Contract?.Find(tier.Name)?.AllowedValues is { } allowed)
        {
            var allowedKeys = allowed.Select(a => UpsellSpec.TierKey(a, tier.Type) ?? a).ToHashSet(StringComparer.Ordinal);
            if (upsell.Order.FirstOrDefault(v => !allowedKeys.Contains(UpsellSpec.TierKey(v, tier.Type)!)) is { } unknown)
            {
                throw Invalid($"upsell.order value '{unknown}' is not allowed by the schema; '{tier.Name}' must be one of {string.Join(", ", allowed)}");
            }
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in upsell.Fields)
        {
            var input = spec.Inputs.FirstOrDefault(c => c.Name == field.Column)
                ?? throw Invalid($"upsell field '{field.Column}' is not an input column; inputs: {inputs}");
            if (input.Name == tier.Name)
            {
                throw Invalid($"upsell field '{field.Column}' is the tier column itself");
            }

            if (input.Type != ColumnType.Numeric)
            {
                throw Invalid($"upsell field '{field.Column}' must be numeric to take a per-tier {field.Statistic.ToString().ToLowerInvariant()}; it is text");
            }

            if (!fields.Add(field.Column))
            {
                throw Invalid($"upsell field '{field.Column}' is listed twice");
            }
        }

        ValidateStrata(spec, upsell.Strata, upsell.Column, "upsell.strata");
        if (!double.IsFinite(upsell.Threshold) || upsell.Threshold is < 0 or > 1)
        {
            throw Invalid($"upsell.threshold must be a gain in probability between 0 and 1; got {Column.FormatNumber(upsell.Threshold)}");
        }
    }

    /// <summary>Each stratum is an input or id column, not the tier column, and listed once.</summary>
    internal static void ValidateStrata(ModelSpec spec, IReadOnlyList<string> strata, string tierColumn, string key)
    {
        var columns = spec.Inputs.Select(c => c.Name).Concat(spec.IdColumns.Select(c => c.Name)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stratum in strata)
        {
            if (!columns.Contains(stratum, StringComparer.Ordinal))
            {
                throw Invalid($"{key} column '{stratum}' is not an input or id column; columns: {NameList.Of(columns)}");
            }

            if (stratum == tierColumn)
            {
                throw Invalid($"{key} column '{stratum}' is the tier column itself; the check already reports each tier");
            }

            if (!seen.Add(stratum))
            {
                throw Invalid($"{key} lists '{stratum}' twice");
            }
        }
    }

    private static GangwayException Invalid(string problem) =>
        new(ErrorKind.InvalidConfiguration, $"Spec: {problem}.");
}
