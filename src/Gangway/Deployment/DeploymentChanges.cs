using System.Globalization;

namespace Gangway.Deployment;

/// <summary>One difference between two deployments, e.g. <c>variants.challenger.weight: 10 -> 20</c>.</summary>
/// <param name="Part">What changed: <c>variants.NAME</c>, <c>variants.NAME.weight</c>, <c>variants.NAME.model</c>, <c>shadow.NAME</c>, <c>shadow.NAME.model</c>, <c>sticky</c>, <c>champion</c>, <c>promote_when</c>, <c>rollback_when</c> or <c>refresh</c>.</param>
/// <param name="From">The value before, or null when the part was added.</param>
/// <param name="To">The value after, or null when the part was removed.</param>
public sealed record DeploymentChange(string Part, string? From, string? To)
{
    /// <summary>One line: <c>+ part: to</c>, <c>- part: from</c> or <c>~ part: from -> to</c>.</summary>
    public override string ToString() =>
        From is null ? $"+ {Part}: {To}" : To is null ? $"- {Part}: {From}" : $"~ {Part}: {From} -> {To}";
}

/// <summary>The differences between two deployments of one model, in the file's order.</summary>
internal static class DeploymentChanges
{
    public static List<DeploymentChange> Between(DeploymentSpec? before, DeploymentSpec after)
    {
        var changes = new List<DeploymentChange>();
        var oldVariants = before?.Variants ?? [];
        foreach (var removed in oldVariants.Where(v => after.FindVariant(v.Name) is null))
        {
            changes.Add(new($"variants.{removed.Name}", Describe(removed), null));
        }

        foreach (var variant in after.Variants)
        {
            if (oldVariants.FirstOrDefault(v => v.Name == variant.Name) is not { } old)
            {
                changes.Add(new($"variants.{variant.Name}", null, Describe(variant)));
                continue;
            }

            Compare(changes, $"variants.{variant.Name}.model", old.Model.ToString(), variant.Model.ToString());
            Compare(changes, $"variants.{variant.Name}.weight", Number(old.Weight), Number(variant.Weight));
        }

        var oldShadows = before?.Shadows ?? [];
        foreach (var removed in oldShadows.Where(s => after.Shadows.All(n => n.Name != s.Name)))
        {
            changes.Add(new($"shadow.{removed.Name}", removed.Model.ToString(), null));
        }

        foreach (var shadow in after.Shadows)
        {
            var old = oldShadows.FirstOrDefault(s => s.Name == shadow.Name);
            Compare(changes, old is null ? $"shadow.{shadow.Name}" : $"shadow.{shadow.Name}.model", old?.Model.ToString(), shadow.Model.ToString());
        }

        Compare(changes, "sticky", Describe(before?.Sticky), Describe(after.Sticky));
        Compare(changes, "champion", before?.Champion, after.Champion);
        Compare(changes, "promote_when", Describe(before?.PromoteWhen), Describe(after.PromoteWhen));
        Compare(changes, "rollback_when", Describe(before?.RollbackWhen), Describe(after.RollbackWhen));
        Compare(changes, "refresh", before is null ? null : Durations.Format(before.Refresh), Durations.Format(after.Refresh));
        return changes;
    }

    private static void Compare(List<DeploymentChange> changes, string part, string? from, string? to)
    {
        if (from != to)
        {
            changes.Add(new(part, from, to));
        }
    }

    private static string Describe(DeploymentVariant variant) => $"{variant.Model} weight {Number(variant.Weight)}";

    private static string? Describe(StickyKey? sticky) => sticky is null ? null : $"{(sticky.Source == StickySource.Header ? "header" : "field")} {sticky.Name}";

    private static string? Describe(DeploymentRule? rule) => rule is null ? null
        : $"{rule.Metric} margin {Number(rule.Margin)}{(rule.Threshold is { } t ? $" threshold {Number(t)}" : "")} confidence {Number(rule.Confidence)} min_labelled {rule.MinimumLabelled} decide {rule.Decide.ToString().ToLowerInvariant()}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
