using Gangway.Server.Metrics;

namespace Gangway.Server.Serving;

/// <summary>
/// One variant of the model the service answers with (see <see cref="ModelVariants"/>). Loaded when the host starts; ready only once it has also scored its own example
/// rows. A model that cannot be resolved, read or checked at start stops the start-up with the reason. Afterwards
/// <see cref="RefreshAsync"/> resolves the setting again (a moved alias, a changed file) and swaps in the new model only
/// once it has loaded and passed its self-check: requests in flight finish on the model they started with, and a model
/// that fails keeps the old one serving, with the reason in <see cref="LastRefresh"/>, a warning log and
/// <c>gangway_model_reload_failures_total</c>. With a deployment, <c>variant</c> is the variant or shadow it serves as
/// (see <see cref="Served.Variant"/>); null without one. Thread-safe once started.
/// </summary>
internal sealed partial class LoadedModel(string name, ModelSourceResolver resolver, ServiceMetrics metrics, TimeProvider time, ILogger<LoadedModel> logger, GangwayCatalog catalog, string? variant = null) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Served? _served;
    private volatile RefreshStatus? _lastRefresh;

    /// <summary>The variant's name in <see cref="ModelVariants"/>, e.g. <see cref="ModelVariants.DefaultName"/>.</summary>
    public string Name => name;

    /// <summary>What the variant is set to serve: a bundle path or a registry reference.</summary>
    public string Setting => resolver.Setting;

    /// <summary>Whether the variant serves an alias, and so should be resolved again from time to time.</summary>
    public bool FollowsAlias => resolver.FollowsAlias;

    public bool IsReady => _served is not null;

    /// <summary>The loaded model; only call once <see cref="IsReady"/>.</summary>
    public Served Current => _served ?? throw new InvalidOperationException("The model is not loaded yet.");

    /// <summary>When the setting was last resolved and why that failed (null when it did not); null before the start.</summary>
    public RefreshStatus? LastRefresh => _lastRefresh;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(null, cancellationToken).ConfigureAwait(false);
        var served = ServedLoader.Load(resolved.Path!, resolved.Source, time.GetUtcNow(), catalog, variant);
        _served = served;
        _lastRefresh = new RefreshStatus(served.LoadedAt, null);
        metrics.StartReloadCounters(resolver.Reference?.Model ?? served.Bundle.Name);
        LogServing(logger, served.Bundle.Name, served.Version, served.RegisteredLabel, resolved.Source?.Reference ?? resolved.Path!, served.Bundle.Examples.RowCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Resolves the model setting again and, when it names another bundle, loads and checks it and then serves it. Never
    /// throws for a store, bundle or check failure: the old model keeps serving and the result carries the reason.
    /// Refreshes run one at a time.
    /// </summary>
    public async Task<RefreshResult> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RefreshOnceAsync().ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    // The store is read without the caller's token: a refresh once started completes, so every caller sees its outcome.
    private async Task<RefreshResult> RefreshOnceAsync()
    {
        var current = Current;
        var label = resolver.Reference?.Model ?? current.Bundle.Name;
        try
        {
            var resolved = await resolver.ResolveAsync(current, CancellationToken.None).ConfigureAwait(false);
            if (resolved.Path is null)
            {
                _lastRefresh = new RefreshStatus(time.GetUtcNow(), null);
                return new RefreshResult(current, Changed: false, Error: null);
            }

            var next = ServedLoader.Load(resolved.Path, resolved.Source, time.GetUtcNow(), catalog, variant);
            _served = next;
            _lastRefresh = new RefreshStatus(next.LoadedAt, null);
            metrics.RecordReload(label);
            LogSwapped(logger, next.Bundle.Name, current.Version, current.RegisteredLabel, next.Version, next.RegisteredLabel, resolved.Source?.Reference ?? resolved.Path);
            return new RefreshResult(next, Changed: true, Error: null);
        }
#pragma warning disable CA1031 // Whatever goes wrong with the new model, the old one keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = ex is GangwayException ? ex.Message : $"An unexpected {ex.GetType().Name} occurred; see the service log.";
            _lastRefresh = new RefreshStatus(time.GetUtcNow(), reason);
            metrics.RecordReloadFailure(label);
            LogRefreshFailed(logger, ex, label, current.Version, current.RegisteredLabel, reason);
            return new RefreshResult(current, Changed: false, Error: reason);
        }
    }

    // {Registered} is the registered version (titanic:3), or "none" for a bundle file served directly.
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {Model} version {Version} (registered {Registered}) from {Source}; self-check scored {Rows} example rows.")]
    private static partial void LogServing(ILogger logger, string model, string version, string registered, string source, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Now serving model {Model} version {Version} (registered {Registered}; was {PreviousVersion}, registered {PreviousRegistered}) from {Source}.")]
    private static partial void LogSwapped(ILogger logger, string model, string previousVersion, string previousRegistered, string version, string registered, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing model {Model} failed; still serving version {Version} (registered {Registered}): {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string model, string version, string registered, string reason);
}

/// <summary>The outcome of one refresh.</summary>
/// <param name="Served">What is served after it.</param>
/// <param name="Changed">Whether another model was swapped in.</param>
/// <param name="Error">Why the refresh failed (the old model still serves), or null.</param>
internal sealed record RefreshResult(Served Served, bool Changed, string? Error);

/// <summary>When the model setting was last resolved, and why that failed.</summary>
/// <param name="At">When.</param>
/// <param name="Error">The reason it failed (the previous model kept serving), or null when it succeeded.</param>
internal sealed record RefreshStatus(DateTimeOffset At, string? Error);
