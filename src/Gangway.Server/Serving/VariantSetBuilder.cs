using Gangway.Bundles;
using Gangway.Deployment;
using Gangway.Server.Metrics;
using Gangway.Stores;

namespace Gangway.Server.Serving;

/// <summary>
/// Builds <see cref="ModelVariants"/>' sets from a deployment: one <see cref="LoadedModel"/> per variant and shadow
/// (named after it, resolving its model reference in the store and following an alias like <c>--model titanic@champion</c>),
/// reusing the loaded model of a variant whose name and reference did not change, and refusing routed variants that do
/// not share the request schema (a body is read once for all of them).
/// </summary>
/// <param name="source">Where the deployment is read.</param>
/// <param name="create">Makes the (not yet started) model of a variant or shadow from its name and model reference.</param>
/// <param name="metrics">Counts failed refreshes.</param>
/// <param name="time">Times the refresh status.</param>
/// <param name="logger">Logs what is served and failed refreshes.</param>
internal sealed partial class VariantSetBuilder(DeploymentSource source, Func<string, string, LoadedModel> create, ServiceMetrics metrics, TimeProvider time, ILogger<VariantSetBuilder> logger)
{
    /// <summary>Where the deployment is read.</summary>
    public DeploymentSource Source => source;

    /// <summary>The time now, by the injected clock.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Reads the deployment and loads every variant and shadow.</summary>
    /// <exception cref="GangwayException">The deployment cannot be read, a model does not load, or the variants do not share the request schema.</exception>
    public async Task<VariantSet> StartAsync(CancellationToken cancellationToken)
    {
        metrics.StartDeploymentCounters(source.Setting);
        var (spec, revision) = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var set = await BuildAsync(spec, revision, null, cancellationToken).ConfigureAwait(false);
        var (number, described) = (Revision(revision), Describe(spec));
        LogServing(logger, source.Setting, number, described);
        return set;
    }

    /// <summary>
    /// Reads the deployment again: the new set when it changed, null when it did not; on failure null and the reason,
    /// counted and logged, while <paramref name="current"/> keeps serving.
    /// </summary>
    public async Task<(VariantSet? Next, string? Error)> RefreshAsync(VariantSet current)
    {
        try
        {
            // Without the caller's token: a refresh once started completes, so a half-started model is never left behind.
            var (spec, revision) = await source.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            if (spec == current.Deployment && revision == current.Revision)
            {
                return (null, null);
            }

            var next = await BuildAsync(spec, revision, current, CancellationToken.None).ConfigureAwait(false);
            var (number, described) = (Revision(revision), Describe(spec));
            LogChanged(logger, source.Setting, number, described);
            return (next, null);
        }
#pragma warning disable CA1031 // Whatever goes wrong with the new deployment, the old one keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = ex is GangwayException ? ex.Message : $"An unexpected {ex.GetType().Name} occurred; see the service log.";
            metrics.RecordDeploymentRefreshFailure(source.Setting);
            var number = Revision(current.Revision);
            LogRefreshFailed(logger, ex, source.Setting, number, reason);
            return (null, reason);
        }
    }

    private async Task<VariantSet> BuildAsync(DeploymentSpec spec, int? revision, VariantSet? previous, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        foreach (var model in previous?.Loaded ?? [])
        {
            loaded.TryAdd(model.Name, model);
        }

        var routed = new List<LoadedModel>();
        foreach (var variant in spec.Variants)
        {
            routed.Add(await LoadAsync(variant.Name, variant.Model, loaded, cancellationToken).ConfigureAwait(false));
        }

        // A request routed as a whole (by header, or at random) is read with its variant's own schema, so variants may read
        // different columns (the notebook's two-column model against the recommended one). Routing by a record field
        // reads the body before the variant is known, once for all of them.
        if (spec.Sticky is { Source: StickySource.Field })
        {
            CheckSharedSchema(routed);
        }

        if (spec.Sticky is { Source: StickySource.Field } field && routed[0].Current.Bundle.Schema.Columns.All(c => c.Name != field.Name))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Deployment '{source.Setting}' routes by the record field '{field.Name}', which is not an input column of its variants. Input columns: {string.Join(", ", routed[0].Current.Bundle.Schema.Columns.Select(c => c.Name))}.");
        }

        var shadows = new List<LoadedModel>();
        foreach (var shadow in spec.Shadows)
        {
            shadows.Add(await LoadAsync(shadow.Name, shadow.Model, loaded, cancellationToken).ConfigureAwait(false));
        }

        // Models that left the deployment are not disposed: requests in flight and a refresh may still hold them.
        return new VariantSet(routed, shadows, spec, revision);
    }

    private async Task<LoadedModel> LoadAsync(string name, ModelReference reference, Dictionary<string, LoadedModel> loaded, CancellationToken cancellationToken)
    {
        var setting = reference.ToString();
        if (loaded.TryGetValue(name, out var same) && same.Setting == setting && same.IsReady)
        {
            return same;
        }

        var model = create(name, setting);
        try
        {
            await model.StartAsync(cancellationToken).ConfigureAwait(false);
            return model;
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ex.Kind, $"Deployment '{source.Setting}': '{name}' ({setting}) cannot be served: {ex.Message}", ex);
        }
    }

    /// <exception cref="GangwayException">Two routed variants differ in an input column (<see cref="ErrorKind.InvalidConfiguration"/>), naming both and the column.</exception>
    internal void CheckSharedSchema(IReadOnlyList<LoadedModel> routed)
    {
        var first = routed[0];
        var expected = first.Current.Bundle.Schema.Columns;
        foreach (var other in routed.Skip(1))
        {
            var actual = other.Current.Bundle.Schema.Columns;
            for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                var a = i < expected.Count ? expected[i] : null;
                var b = i < actual.Count ? actual[i] : null;
                if (a != b)
                {
                    throw new GangwayException(
                        ErrorKind.InvalidConfiguration,
                        $"Deployment '{source.Setting}': variants '{first.Name}' and '{other.Name}' must share the request schema when routing by a record field (the body is read once for all variants), "
                        + $"but input column {i + 1} is {Describe(a)} in '{first.Name}' and {Describe(b)} in '{other.Name}'.");
                }
            }
        }
    }

    private static string Describe(InputColumn? column) => column is null ? "missing" : $"'{column.Name}' ({column.Type.ToString().ToLowerInvariant()}, {column.Role.ToString().ToLowerInvariant()})";

    private static string Describe(DeploymentSpec spec) =>
        string.Join(", ", spec.Variants.Select(v => $"{v.Name}={v.Model} weight {v.Weight}").Concat(spec.Shadows.Select(s => $"shadow {s.Name}={s.Model}")));

    private static string Revision(int? revision) => revision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "file";

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving deployment {Deployment} (revision {Revision}): {Variants}.")]
    private static partial void LogServing(ILogger logger, string deployment, string revision, string variants);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment {Deployment} changed; now serving revision {Revision}: {Variants}.")]
    private static partial void LogChanged(ILogger logger, string deployment, string revision, string variants);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing deployment {Deployment} failed; still serving revision {Revision}: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string deployment, string revision, string reason);
}
