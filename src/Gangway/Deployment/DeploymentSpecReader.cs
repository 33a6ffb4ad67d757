using Gangway.OnlineEvaluation;
using Gangway.Specs;
using Gangway.Stores;

namespace Gangway.Deployment;

/// <summary>
/// Reads a <see cref="DeploymentSpec"/> from YAML or JSON. Errors name the file, the key, the line, the rule and the
/// value; an unknown key is an error with the closest known key, so a typo never silently changes what is served.
/// </summary>
public static class DeploymentSpecReader
{
    private static readonly string[] TopLevelKeys = ["model", "variants", "shadow", "sticky", "champion", "promote_when", "rollback_when", "refresh"];

    /// <summary>Reads a deployment file.</summary>
    /// <exception cref="GangwayException">The file is missing (<see cref="ErrorKind.NotFound"/>) or invalid (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static DeploymentSpec ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path))
            : throw new GangwayException(ErrorKind.NotFound, $"Deployment file '{path}' does not exist.");
    }

    /// <summary>Parses and checks deployment text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">A name for messages, e.g. the file name.</param>
    /// <exception cref="GangwayException">The deployment is invalid (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static DeploymentSpec Parse(string text, string source = "deployment")
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = YamlText.Load(text, source);
        root.EnsureKnownKeys(TopLevelKeys);
        var modelNode = root.Required("model");
        var model = modelNode.Scalar();
        if (!ModelReference.IsValidName(model))
        {
            throw modelNode.Error($"must be a registered model's name (letters, digits, '_', '.', '-'); got '{model}'");
        }

        var variantsNode = root.Required("variants");
        var variants = variantsNode.Sequence().Select(ReadVariant).ToList();
        var shadowNode = root.Optional("shadow");
        var shadows = shadowNode?.Sequence().Select(ReadShadow).ToList() ?? [];
        var championNode = root.Optional("champion");
        var spec = new DeploymentSpec
        {
            Model = model,
            Variants = variants,
            Shadows = shadows,
            Sticky = root.Optional("sticky") is { } sticky ? ReadSticky(sticky) : null,
            Champion = championNode?.Scalar() ?? variants.FirstOrDefault()?.Name ?? "",
            PromoteWhen = root.Optional("promote_when") is { } promote ? ReadRule(promote) : null,
            RollbackWhen = root.Optional("rollback_when") is { } rollback ? ReadRule(rollback) : null,
            Refresh = root.Optional("refresh") is { } refresh ? ReadRefresh(refresh) : DeploymentSpec.DefaultRefresh,
        };
        DeploymentSpecValidator.Validate(spec, variantsNode, shadowNode, championNode);
        return spec;
    }

    private static DeploymentVariant ReadVariant(SpecNode node)
    {
        node.EnsureKnownKeys("name", "model", "weight");
        var weightNode = node.Required("weight");
        var weight = weightNode.Double();
        return weight >= 0
            ? new DeploymentVariant(ReadName(node.Required("name")), ReadReference(node.Required("model")), weight)
            : throw weightNode.Error($"must be zero or more; got {weightNode.Scalar()}");
    }

    private static ShadowVariant ReadShadow(SpecNode node)
    {
        node.EnsureKnownKeys("name", "model");
        return new ShadowVariant(ReadName(node.Required("name")), ReadReference(node.Required("model")));
    }

    private static string ReadName(SpecNode node)
    {
        var name = node.Scalar();
        return DeploymentSpecValidator.IsValidVariantName(name)
            ? name
            : throw node.Error($"must start with a letter and hold only letters, digits, '_' and '-' (at most 63), so it can be a metric label and a header value; got '{name}'");
    }

    private static ModelReference ReadReference(SpecNode node)
    {
        var text = node.Scalar();
        return ModelReference.TryParse(text, out var reference)
            ? reference!
            : throw node.Error($"must be a registry reference, 'name@alias' (e.g. churn@champion) or 'name:version' (e.g. churn:7); got '{text}'");
    }

    private static StickyKey ReadSticky(SpecNode node)
    {
        node.EnsureKnownKeys("header", "field");
        var header = node.Optional("header");
        var field = node.Optional("field");
        if ((header is null) == (field is null))
        {
            throw node.Error("needs exactly one of 'header' (e.g. X-Customer-Id) or 'field' (e.g. CustomerId)");
        }

        var name = (header ?? field)!.Scalar();
        return header is not null && !DeploymentSpecValidator.IsValidHeaderName(name)
            ? throw header.Error($"must be an HTTP header name (letters, digits and '-'); got '{name}'")
            : new StickyKey(header is not null ? StickySource.Header : StickySource.Field, name);
    }

    private static DeploymentRule ReadRule(SpecNode node)
    {
        node.EnsureKnownKeys("metric", "margin", "threshold", "confidence", "min_labelled", "decide");
        var metricNode = node.Required("metric");
        var metric = metricNode.Scalar();
        if (!DeploymentRule.Metrics.Contains(metric, StringComparer.Ordinal))
        {
            throw metricNode.Error($"must be one of {string.Join(", ", DeploymentRule.Metrics)}; got '{metric}'");
        }

        var rule = new DeploymentRule
        {
            Metric = metric,
            Margin = node.Optional("margin")?.Double() ?? 0,
            Threshold = node.Optional("threshold")?.Double(),
            Confidence = node.Optional("confidence")?.Double() ?? DeploymentRule.DefaultConfidence,
            MinimumLabelled = node.Optional("min_labelled")?.Int() ?? DeploymentRule.DefaultMinimumLabelled,
            Decide = node.Optional("decide") is { } decide ? ReadDecision(decide) : DecisionMode.Report,
        };
        DeploymentSpecValidator.ValidateRule(rule, node);
        return rule;
    }

    private static DecisionMode ReadDecision(SpecNode node) => node.Scalar() switch
    {
        "auto" => DecisionMode.Auto,
        "report" => DecisionMode.Report,
        var other => throw node.Error($"must be auto or report; got '{other}'"),
    };

    private static TimeSpan ReadRefresh(SpecNode node)
    {
        var text = node.Scalar();
        return Durations.TryParse(text, out var refresh) && refresh >= TimeSpan.FromMilliseconds(100) && refresh <= TimeSpan.FromHours(1)
            && refresh.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? refresh
            : throw node.Error($"must be a duration between 100ms and 1h such as 5s, 500ms or 1m; got '{text}'");
    }
}
