using Gangway.Stores;

namespace Gangway.Store.PostgreSql;

/// <summary>The rules for a run's artifacts: plain file names, each once.</summary>
internal static class RunArtifacts
{
    /// <summary>Checks the names of <paramref name="artifacts"/>.</summary>
    /// <exception cref="GangwayException">A name is empty, has directories or repeats (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static void Validate(IReadOnlyList<RunArtifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            var name = artifact.Name;
            if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0)
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Artifact name '{name}' is not valid: use a file name without directories.");
            }

            if (!seen.Add(name))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Artifact name '{name}' is given more than once; each artifact of a run needs its own name.");
            }
        }
    }
}
