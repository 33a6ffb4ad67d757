using Gangway.Deployment;

namespace Gangway.Stores;

/// <summary>
/// Deployments, stored as numbered revisions per model so that every replica serves the same one and every change is
/// kept: the current revision is the newest. Every apply is one transaction that also appends its audit entry
/// (<see cref="AuditActions.DeploymentApplied"/>). The store keeps what it is given; checking that the variants' model
/// references resolve is <see cref="DeploymentApplier"/>'s work.
/// </summary>
public interface IDeploymentStore
{
    /// <summary>
    /// Stores <paramref name="spec"/> as the model's next revision (1 for the first; numbers are never reused, also under
    /// concurrent applies), with the time, <see cref="Change.Actor"/> and its YAML text, and audits it.
    /// </summary>
    Task<DeploymentRevision> ApplyAsync(DeploymentSpec spec, Change change, CancellationToken cancellationToken);

    /// <summary>The current (newest) revision of the model's deployment, or null when it has none.</summary>
    Task<DeploymentRevision?> GetAsync(string model, CancellationToken cancellationToken);

    /// <summary>The current revision of every deployed model, by model name.</summary>
    Task<IReadOnlyList<DeploymentRevision>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every revision of the model's deployment, newest first; empty when it has none.</summary>
    Task<IReadOnlyList<DeploymentRevision>> HistoryAsync(string model, CancellationToken cancellationToken);
}
