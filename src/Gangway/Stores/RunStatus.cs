namespace Gangway.Stores;

/// <summary>Where a tracked run is.</summary>
public enum RunStatus
{
    /// <summary>Started, not finished (e.g. the parent of cross-validation folds while they run).</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Finished,

    /// <summary>Stopped by an error.</summary>
    Failed,
}
