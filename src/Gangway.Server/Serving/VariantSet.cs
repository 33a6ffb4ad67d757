using Gangway.Deployment;

namespace Gangway.Server.Serving;

/// <summary>
/// One immutable routing snapshot of <see cref="ModelVariants"/>: the variants that answer, the shadows, the deployment
/// they come from and its <see cref="StickyRouter"/>. A changed deployment builds a new set and swaps it in whole, so a
/// request routes against one consistent set.
/// </summary>
internal sealed class VariantSet
{
    private readonly StickyRouter? _router;

    /// <param name="routed">The variants that answer, in the deployment's order (or the configured ones without a deployment).</param>
    /// <param name="shadows">The shadows, in the deployment's order.</param>
    /// <param name="deployment">The deployment, or null: then the variant named <see cref="ModelVariants.DefaultName"/> answers everything.</param>
    /// <param name="revision">The deployment's revision in the store, or null (a file, or no deployment).</param>
    public VariantSet(IReadOnlyList<LoadedModel> routed, IReadOnlyList<LoadedModel> shadows, DeploymentSpec? deployment, int? revision)
    {
        Routed = routed;
        Shadows = shadows;
        Deployment = deployment;
        Revision = revision;
        if (deployment is null)
        {
            Champion = routed.FirstOrDefault(v => v.Name == ModelVariants.DefaultName)
                ?? throw new ArgumentException($"No model variant is named '{ModelVariants.DefaultName}'; the variants are {string.Join(", ", routed.Select(v => v.Name))}.", nameof(routed));
            return;
        }

        // Routed is in the deployment's order, so the router's indexes are indexes into it.
        _router = new StickyRouter(deployment.Variants);
        Champion = routed.Single(v => v.Name == deployment.Champion);
        RoutingHeader = deployment.Sticky is { Source: StickySource.Header } header ? header.Name : null;
        RoutingField = deployment.Sticky is { Source: StickySource.Field } field ? field.Name : null;
    }

    /// <summary>The variants that answer requests.</summary>
    public IReadOnlyList<LoadedModel> Routed { get; }

    /// <summary>The shadows: loaded and refreshed like variants, never routed to.</summary>
    public IReadOnlyList<LoadedModel> Shadows { get; }

    /// <summary>The deployment served, or null.</summary>
    public DeploymentSpec? Deployment { get; }

    /// <summary>The deployment's revision in the store, or null.</summary>
    public int? Revision { get; }

    /// <summary>The deployment's champion, or the default variant without a deployment: what answers about "the model".</summary>
    public LoadedModel Champion { get; }

    /// <summary>The header whose value routes a request (<c>sticky: {header: X}</c>), or null.</summary>
    public string? RoutingHeader { get; }

    /// <summary>The record field whose value routes each record (<c>sticky: {field: F}</c>), or null.</summary>
    public string? RoutingField { get; }

    /// <summary>Every loaded model: the routed variants, then the shadows.</summary>
    public IEnumerable<LoadedModel> Loaded => Routed.Concat(Shadows);

    /// <summary>
    /// The variant that answers <paramref name="request"/> as a whole: by the routing header's value, else at random by
    /// weight; the default variant without a deployment. With field routing, this is the choice for records without a key.
    /// </summary>
    public LoadedModel Route(HttpRequest request) =>
        _router is null ? Champion
        : RoutingHeader is { } header ? Routed[_router.Route(RoutingKey.FromHeader(request.Headers[header].ToString()))]
        : Routed[_router.RouteAtRandom()];

    /// <summary>The index in <see cref="Routed"/> of the variant for a routing key; at random by weight when it is null. Only with a deployment.</summary>
    public int RouteKey(string? key) => (_router ?? throw new InvalidOperationException("No deployment is served.")).Route(key);
}
