using System.Text.RegularExpressions;
using Gangway.Specs;

namespace Gangway.Deployment;

/// <summary>The checks across a deployment's parts, once each part has been read: names, weights and the champion.</summary>
internal static partial class DeploymentSpecValidator
{
    public static bool IsValidVariantName(string name) => VariantName().IsMatch(name);

    public static bool IsValidHeaderName(string name) => HeaderName().IsMatch(name);

    public static void Validate(DeploymentSpec spec, SpecNode variantsNode, SpecNode? shadowNode, SpecNode? championNode)
    {
        if (spec.Variants.Count == 0)
        {
            throw variantsNode.Error("needs at least one variant");
        }

        if (!spec.Variants.Any(v => v.Weight > 0))
        {
            throw variantsNode.Error($"needs at least one variant with a weight above zero; all of {string.Join(", ", spec.Variants.Select(v => v.Name))} have 0");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in spec.Variants.Select(v => (v.Name, variantsNode)).Concat(spec.Shadows.Select(s => (s.Name, shadowNode!))))
        {
            if (!seen.Add(name))
            {
                // Names become metric labels and header values, where case may not survive, so case does not make them unique.
                throw node.Error($"names '{name}' twice; variant and shadow names must be unique (ignoring case)");
            }
        }

        if (spec.FindVariant(spec.Champion) is null)
        {
            throw championNode!.Error($"must name one of the variants ({string.Join(", ", spec.Variants.Select(v => v.Name))}); got '{spec.Champion}'");
        }
    }

    public static void ValidateRule(DeploymentRule rule, SpecNode node)
    {
        if (rule.Margin < 0)
        {
            throw node.Required("margin").Error($"must be zero or more; got {node.Required("margin").Scalar()}");
        }

        if (rule.Confidence is <= 0 or >= 1)
        {
            throw node.Required("confidence").Error($"must be between 0 and 1 (exclusive), e.g. 0.95; got {node.Required("confidence").Scalar()}");
        }

        if (rule.MinimumLabelled < 1)
        {
            throw node.Required("min_labelled").Error($"must be at least 1; got {node.Required("min_labelled").Scalar()}");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex VariantName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")]
    private static partial Regex HeaderName();
}
