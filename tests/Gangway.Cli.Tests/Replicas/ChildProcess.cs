using System.Diagnostics;
using System.Globalization;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>Stops a child process the way an operator would: SIGTERM, a grace period, then kill it and its children.</summary>
internal static class ChildProcess
{
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await terminate.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
