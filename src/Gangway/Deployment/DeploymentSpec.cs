using Gangway.Stores;

namespace Gangway.Deployment;

/// <summary>
/// What one service serves for a model (a <c>deployment.yaml</c>): weighted variants that answer requests, shadows that
/// score every record off the hot path, how a request is pinned to a variant, the online rules that may promote or roll
/// back, and how often replicas re-read it. Read by <see cref="DeploymentSpecReader"/>, written by
/// <see cref="DeploymentSpecWriter"/>, stored as revisions by <see cref="IDeploymentStore"/>; see docs/deployments.md.
/// Immutable; equal when every part is equal (lists compare element by element).
/// </summary>
public sealed record DeploymentSpec
{
    /// <summary>How often replicas re-read the deployment when the file gives no <c>refresh</c>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromSeconds(5);

    /// <summary>The registered model this deployment serves (the name <c>/predict</c> and the metrics use).</summary>
    public required string Model { get; init; }

    /// <summary>The variants that answer requests, in the file's order; at least one has a weight above zero.</summary>
    public required IReadOnlyList<DeploymentVariant> Variants { get; init; }

    /// <summary>Models that score every record after the answer is sent; logged, never returned. Empty when none.</summary>
    public IReadOnlyList<ShadowVariant> Shadows { get; init; } = [];

    /// <summary>Where the routing key comes from, or null: each request is then routed at random by weight.</summary>
    public StickyKey? Sticky { get; init; }

    /// <summary>
    /// The name of the variant the others are judged against: the file's <c>champion</c>, else the first variant.
    /// </summary>
    public required string Champion { get; init; }

    /// <summary>When a challenger replaces the champion (<c>promote_when</c>), or null.</summary>
    public DeploymentRule? PromoteWhen { get; init; }

    /// <summary>When a challenger is taken back (<c>rollback_when</c>), or null.</summary>
    public DeploymentRule? RollbackWhen { get; init; }

    /// <summary>How often replicas re-read the deployment from the store; default <see cref="DefaultRefresh"/>.</summary>
    public TimeSpan Refresh { get; init; } = DefaultRefresh;

    /// <summary>The variant called <paramref name="name"/>, or null.</summary>
    public DeploymentVariant? FindVariant(string name) => Variants.FirstOrDefault(v => v.Name == name);

    /// <summary>Compares lists element by element: records with lists otherwise compare by reference.</summary>
    public bool Equals(DeploymentSpec? other) =>
        other is not null
        && Model == other.Model
        && Variants.SequenceEqual(other.Variants)
        && Shadows.SequenceEqual(other.Shadows)
        && Sticky == other.Sticky
        && Champion == other.Champion
        && PromoteWhen == other.PromoteWhen
        && RollbackWhen == other.RollbackWhen
        && Refresh == other.Refresh;

    /// <summary>A hash consistent with <see cref="Equals(DeploymentSpec)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Model, Variants.Count, Shadows.Count, Sticky, Champion, Refresh);
}

/// <summary>A variant that answers a share of the requests.</summary>
/// <param name="Name">Unique in the deployment; letters, digits, <c>_</c> and <c>-</c> (safe as a metric label and in a header).</param>
/// <param name="Model">The registered version it serves: <c>titanic@champion</c> follows the alias, <c>titanic:7</c> is fixed.</param>
/// <param name="Weight">Its share relative to the other variants' weights; zero serves nothing but keeps the variant listed.</param>
public sealed record DeploymentVariant(string Name, ModelReference Model, double Weight);

/// <summary>A model that scores every record after the answer is sent, for comparison; never answers.</summary>
/// <param name="Name">Unique among variants and shadows, with the same characters as <see cref="DeploymentVariant.Name"/>.</param>
/// <param name="Model">The registered version it scores with.</param>
public sealed record ShadowVariant(string Name, ModelReference Model);

/// <summary>Where a request's routing key is read: an HTTP header or a field of the (first) record.</summary>
public enum StickySource
{
    /// <summary>A request header, e.g. <c>X-Customer-Id</c>.</summary>
    Header,

    /// <summary>A field of the record, e.g. <c>PassengerId</c>.</summary>
    Field,
}

/// <summary>The routing key of sticky assignment (<c>sticky: {header: X-Customer-Id}</c> or <c>{field: PassengerId}</c>).</summary>
/// <param name="Source">Header or field.</param>
/// <param name="Name">The header's or the field's name.</param>
public sealed record StickyKey(StickySource Source, string Name);
