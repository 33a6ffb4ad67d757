using Gangway.Stores;

namespace Gangway.Cli.Commands.Runs;

/// <summary>Finds a run by id or unique prefix, or says plainly that there is none.</summary>
internal static class RunLookup
{
    public static async Task<RunRecord> FindAsync(IStore store, string idOrPrefix, CancellationToken cancellationToken) =>
        await store.Runs.FindRunAsync(idOrPrefix, cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Run '{idOrPrefix}' is not in store '{store.DisplayUri}'; 'gangway runs list' shows the runs.");
}
