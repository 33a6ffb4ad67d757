namespace Gangway.Stores;

/// <summary>
/// One open store, chosen by a URI through a <see cref="StoreCatalog"/>, like MLflow's tracking and registry stores. It
/// holds several kinds of records, each behind its own small interface: tracked runs (<see cref="Runs"/>) and the model
/// registry (<see cref="Registry"/>), the prediction log (<see cref="PredictionLog"/>), feedback (<see cref="Feedback"/>) and the
/// service's monitoring windows (<see cref="MonitoringWindows"/>). Every write
/// is one transaction: a crash leaves it done or not done, never half done. Every method takes a
/// <see cref="CancellationToken"/>; a store whose driver has no real asynchronous I/O (SQLite) completes synchronously.
/// Implementations are safe for concurrent writers in one process or several; one instance is used by one caller at a
/// time (hosts open one per unit of work, or serialise their calls).
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>The store's URI with any password hidden, for messages and logs.</summary>
    string DisplayUri { get; }

    /// <summary>Tracked runs, their artifacts and the held-out evaluations recorded against them.</summary>
    IRunStore Runs { get; }

    /// <summary>Registered models, their versions and aliases, and the audit log of every change.</summary>
    IModelRegistry Registry { get; }

    /// <summary>Deployments: which variants serve a model, as stored revisions every replica follows.</summary>
    IDeploymentStore Deployments { get; }

    /// <summary>Every scored record, appended in batches, read back for export, feedback and online metrics.</summary>
    IPredictionLogStore PredictionLog { get; }

    /// <summary>Outcomes and rewards given for logged predictions.</summary>
    IFeedbackStore Feedback { get; }

    /// <summary>The service's monitoring windows: time buckets of drift sketches and data-quality counters per replica.</summary>
    IMonitoringWindowStore MonitoringWindows { get; }
}
