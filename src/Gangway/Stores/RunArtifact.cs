namespace Gangway.Stores;

/// <summary>A file kept with a run, e.g. the trained bundle <c>model.gwb</c>.</summary>
/// <param name="Name">The artifact's name within the run (a file name, no directories).</param>
/// <param name="Content">The bytes.</param>
public sealed record RunArtifact(string Name, ReadOnlyMemory<byte> Content)
{
    /// <summary>The name of a run's trained bundle.</summary>
    public const string ModelBundle = "model.gwb";
}
