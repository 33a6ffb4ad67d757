using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Specs;

/// <summary>Checks the parts of a spec that refer to each other (the catalogs check steps and learners when building).</summary>
public static class ModelSpecValidator
{
    /// <summary>Validates <paramref name="spec"/>.</summary>
    /// <exception cref="GangwayException">A rule is broken (InvalidConfiguration); the message names the key and the value.</exception>
    public static void Validate(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Target.Column))
        {
            throw Invalid("target.column must name the column to predict");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { spec.Target.Column };
        foreach (var column in spec.IdColumns.Concat(spec.Inputs))
        {
            if (!seen.Add(column.Name))
            {
                throw Invalid($"column '{column.Name}' is declared twice (the target, ids and inputs must be distinct)");
            }
        }

        var known = spec.Inputs.Select(c => c.Name).Concat(spec.IdColumns.Select(c => c.Name)).ToList();
        foreach (var slice in spec.Slices)
        {
            if (!known.Contains(slice, StringComparer.Ordinal))
            {
                throw Invalid($"slice '{slice}' is not an input or id column; declared columns: {NameList.Of(known)}");
            }
        }

        if (spec.Slices.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeatedSlice)
        {
            throw Invalid($"slice '{repeatedSlice.Key}' is listed twice");
        }

        // Evaluation always adds the majority-class baseline, so a rule baseline may not take its name.
        var baselineNames = new HashSet<string>(StringComparer.Ordinal) { MajorityClassBaseline.DefaultName };
        foreach (var baseline in spec.Baselines)
        {
            if (!baselineNames.Add(baseline.Name))
            {
                throw Invalid(baseline.Name == MajorityClassBaseline.DefaultName
                    ? $"baseline name '{baseline.Name}' is reserved for the majority-class baseline every evaluation includes"
                    : $"baseline name '{baseline.Name}' is used twice");
            }

            if (!known.Contains(baseline.Column, StringComparer.Ordinal))
            {
                throw Invalid($"baseline '{baseline.Name}' reads column '{baseline.Column}', which is not an input or id column; declared columns: {NameList.Of(known)}");
            }
        }

        if (spec.Contract is { } contract)
        {
            ValidateAgainstContract(spec, contract);
        }

        if (string.IsNullOrWhiteSpace(spec.Target.PositiveClass))
        {
            throw Invalid("target.positive must name the positive class");
        }

        if (spec.Upsell is { } upsell)
        {
            UpsellSpecValidator.Validate(spec, upsell);
        }

        if (spec.Promotion is { } promotion)
        {
            PromotionSpecValidator.Validate(spec, promotion);
        }
    }

    private static void ValidateAgainstContract(ModelSpec spec, Schema.DataSchema contract)
    {
        var declared = NameList.Of(contract.Columns.Select(c => c.Name));
        foreach (var column in spec.IdColumns.Concat(spec.Inputs))
        {
            var expected = contract.Find(column.Name)
                ?? throw Invalid($"column '{column.Name}' is not declared in the schema; declared columns: {declared}");
            if (expected.PhysicalType != column.Type)
            {
                throw Invalid($"column '{column.Name}' is {column.Type.ToString().ToLowerInvariant()} in the spec but {expected.Type.ToString().ToLowerInvariant()} ({expected.PhysicalType.ToString().ToLowerInvariant()}) in the schema");
            }
        }

        if (contract.Find(spec.Target.Column) is null)
        {
            throw Invalid($"the target '{spec.Target.Column}' is not declared in the schema; declared columns: {declared}");
        }
    }

    private static GangwayException Invalid(string problem) =>
        new(ErrorKind.InvalidConfiguration, $"Spec: {problem}.");
}
