using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Serving;

/// <summary>
/// The named variants of the model the service serves, each a <see cref="LoadedModel"/> with its own bundle, add-ons
/// (upsell state, one-record scorer, metric labels) and refreshes. Today the configuration names one variant,
/// <see cref="DefaultName"/>, from <see cref="ServerOptions.Model"/>; serving more side by side is an entry more here,
/// not another structure. All variants load and pass their self-check when the host starts, or the start stops with
/// the reason; each keeps serving its old model when a refresh fails.
/// </summary>
internal sealed class ModelVariants : IHostedService, IDisposable
{
    /// <summary>The name of the variant every endpoint answers with today.</summary>
    public const string DefaultName = "default";

    private readonly Dictionary<string, LoadedModel> _byName;

    /// <exception cref="ArgumentException">Two variants share a name, or none is named <see cref="DefaultName"/>.</exception>
    public ModelVariants(IEnumerable<LoadedModel> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        All = [.. variants];
        _byName = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        foreach (var variant in All)
        {
            if (!_byName.TryAdd(variant.Name, variant))
            {
                throw new ArgumentException($"Two model variants are named '{variant.Name}'.", nameof(variants));
            }
        }

        Default = _byName.GetValueOrDefault(DefaultName)
            ?? throw new ArgumentException($"No model variant is named '{DefaultName}'; the variants are {string.Join(", ", _byName.Keys)}.", nameof(variants));
    }

    /// <summary>The variant named <see cref="DefaultName"/>.</summary>
    public LoadedModel Default { get; }

    /// <summary>Every variant, in configuration order.</summary>
    public IReadOnlyList<LoadedModel> All { get; }

    /// <summary>The shadow models: loaded like variants, each scoring every answered input off the request path; logged, never routed or returned.</summary>
    public IReadOnlyList<LoadedModel> Shadows { get; init; } = [];

    /// <summary>Whether every variant has loaded and passed its self-check.</summary>
    public bool AllReady => All.All(v => v.IsReady);

    /// <summary>The variant called <paramref name="name"/>.</summary>
    /// <exception cref="GangwayException">No variant has that name; the message lists the names.</exception>
    public LoadedModel this[string name] => _byName.GetValueOrDefault(name)
        ?? throw new GangwayException(ErrorKind.NotFound, $"No model variant is named '{name}'. Variants: {string.Join(", ", _byName.Keys)}.");

    /// <summary>The variants the configuration names: today the default one, from <see cref="ServerOptions.Model"/>.</summary>
    public static ModelVariants Configure(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        return new ModelVariants([Create(services, DefaultName, options.Model!)]);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var variant in All)
        {
            await variant.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var variant in All)
        {
            variant.Dispose();
        }
    }

    private static LoadedModel Create(IServiceProvider services, string name, string model) => new(
        name,
        new ModelSourceResolver(model, services.GetRequiredService<ModelStores>()),
        services.GetRequiredService<ServiceMetrics>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<LoadedModel>>(),
        services.GetRequiredService<GangwayCatalog>());
}
