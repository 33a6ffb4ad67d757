using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Serving;

/// <summary>
/// The named variants of the model the service serves, each a <see cref="LoadedModel"/> with its own bundle, add-ons
/// (upsell state, one-record scorer, metric labels) and refreshes, held as one immutable <see cref="VariantSet"/>.
/// Without a deployment the configuration names one variant, <see cref="DefaultName"/>, from <see cref="ServerOptions.Model"/>.
/// With <see cref="ServerOptions.Deployment"/>, the deployment's variants answer requests (<see cref="Route"/>) and its
/// shadows are loaded beside them; <see cref="RefreshDeploymentAsync"/> reads it again and swaps in a new set only once
/// every new model has loaded and passed its self-check, so a change never fails a request and a bad deployment keeps
/// the old one serving. All variants load and pass their self-check when the host starts, or the start stops with the
/// reason; each keeps serving its old model when a refresh fails. Thread-safe once started.
/// </summary>
internal sealed partial class ModelVariants : IHostedService, IDisposable
{
    /// <summary>The name of the variant that answers when the service serves no deployment.</summary>
    public const string DefaultName = "default";

    private readonly VariantSetBuilder? _builder;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile VariantSet? _set;
    private volatile RefreshStatus? _lastDeploymentRefresh;

    /// <summary>Serves <paramref name="variants"/> without a deployment: the one named <see cref="DefaultName"/> answers; <paramref name="shadows"/> score every answered input.</summary>
    /// <exception cref="ArgumentException">Two variants share a name, or none is named <see cref="DefaultName"/>.</exception>
    public ModelVariants(IEnumerable<LoadedModel> variants, IEnumerable<LoadedModel>? shadows = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        IReadOnlyList<LoadedModel> all = [.. variants];
        if (all.GroupBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two model variants are named '{twice.Key}'.", nameof(variants));
        }

        _set = new VariantSet(all, [.. shadows ?? []], null, null);
    }

    /// <summary>Serves the deployment <paramref name="builder"/> reads; nothing is loaded before <see cref="StartAsync"/>.</summary>
    public ModelVariants(VariantSetBuilder builder) => _builder = builder;

    /// <summary>The routing snapshot now; null before a deployment has been loaded.</summary>
    public VariantSet? Current => _set;

    /// <summary>Whether the service serves a deployment (<see cref="ServerOptions.Deployment"/>).</summary>
    public bool ServesDeployment => _builder is not null;

    /// <summary>The deployment setting (file or deployed model), or null without a deployment.</summary>
    public string? DeploymentSetting => _builder?.Source.Setting;

    /// <summary>When the deployment was last read and why that failed; null without a deployment or before the start.</summary>
    public RefreshStatus? LastDeploymentRefresh => _lastDeploymentRefresh;

    /// <summary>The variant that answers about "the model" (home, version, model list, admin): the deployment's champion, else <see cref="DefaultName"/>.</summary>
    /// <exception cref="InvalidOperationException">The deployment has not been loaded yet.</exception>
    public LoadedModel Default => (_set ?? throw new InvalidOperationException("The deployment is not loaded yet.")).Champion;

    /// <summary>Every routed variant, in configuration order; empty before a deployment has been loaded.</summary>
    public IReadOnlyList<LoadedModel> All => _set?.Routed ?? [];

    /// <summary>The deployment's shadows: loaded and refreshed like variants but never routed to; empty without a deployment.</summary>
    public IReadOnlyList<LoadedModel> Shadows => _set?.Shadows ?? [];

    /// <summary>Whether every variant and shadow has loaded and passed its self-check.</summary>
    public bool AllReady => _set is { } set && set.Loaded.All(v => v.IsReady);

    /// <summary>The variant or shadow called <paramref name="name"/>.</summary>
    /// <exception cref="GangwayException">No variant has that name; the message lists the names.</exception>
    public LoadedModel this[string name]
    {
        get
        {
            var loaded = _set?.Loaded.ToList() ?? [];
            return loaded.FirstOrDefault(v => v.Name == name)
                ?? throw new GangwayException(ErrorKind.NotFound, $"No model variant is named '{name}'. Variants: {string.Join(", ", loaded.Select(v => v.Name))}.");
        }
    }

    /// <summary>The variant that answers <paramref name="request"/> (see <see cref="VariantSet.Route"/>), or null before the deployment has been loaded.</summary>
    public LoadedModel? Route(HttpRequest request) => _set?.Route(request);

    /// <summary>The variants the configuration names: a deployment, or the default variant from <see cref="ServerOptions.Model"/>.</summary>
    public static ModelVariants Configure(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var stores = services.GetRequiredService<ModelStores>();
        if (!string.IsNullOrWhiteSpace(options.Deployment))
        {
            return new ModelVariants(new VariantSetBuilder(
                new DeploymentSource(options.Deployment, stores),
                (name, model) => Create(services, name, model, variant: name),
                services.GetRequiredService<ServiceMetrics>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<VariantSetBuilder>>()));
        }

        return new ModelVariants([Create(services, DefaultName, options.Model!, variant: null)]);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_builder is null)
        {
            foreach (var variant in All)
            {
                await variant.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _set = await _builder.StartAsync(cancellationToken).ConfigureAwait(false);
        _lastDeploymentRefresh = new RefreshStatus(_builder.Now, null);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Reads the deployment again and, when it changed, builds the new set (reusing the models of unchanged variants,
    /// loading and checking the others) and swaps it in. Never throws for a store, deployment or model failure: the old
    /// set keeps serving, and the reason is in <see cref="LastDeploymentRefresh"/>. Refreshes run one at a time.
    /// </summary>
    /// <returns>Whether another set was swapped in.</returns>
    public async Task<bool> RefreshDeploymentAsync(CancellationToken cancellationToken = default)
    {
        if (_builder is null || _set is not { } current)
        {
            return false;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (next, error) = await _builder.RefreshAsync(current).ConfigureAwait(false);
            _lastDeploymentRefresh = new RefreshStatus(_builder.Now, error);
            if (next is null)
            {
                return false;
            }

            _set = next;
            return true;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose()
    {
        foreach (var variant in _set?.Loaded ?? [])
        {
            variant.Dispose();
        }

        _refreshing.Dispose();
    }

    private static LoadedModel Create(IServiceProvider services, string name, string model, string? variant) => new(
        name,
        new ModelSourceResolver(model, services.GetRequiredService<ModelStores>()),
        services.GetRequiredService<ServiceMetrics>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<LoadedModel>>(),
        services.GetRequiredService<GangwayCatalog>(),
        variant);
}
