using Gangway.Cli.Infrastructure;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Runs;

/// <summary>Finds a run by id or unique prefix, or says plainly that there is none.</summary>
internal static class RunLookup
{
    public static RunRecord Find(CliContext context, string idOrPrefix) =>
        context.Store.FindRun(idOrPrefix)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Run '{idOrPrefix}' is not in store '{context.Store.DisplayUri}'; 'gangway runs list' shows the runs.");
}
