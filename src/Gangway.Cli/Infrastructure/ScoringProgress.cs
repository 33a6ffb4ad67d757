using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>A progress bar on standard error for work measured in bytes read, shown only on an interactive terminal.</summary>
internal static class ScoringProgress
{
    public static T Run<T>(CliContext context, long totalBytes, Func<Action<long>, T> work)
    {
        if (!context.ShowProgress)
        {
            return work(_ => { });
        }

        return context.ErrorConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("scoring", maxValue: Math.Max(totalBytes, 1));
                var result = work(bytes => task.Value = bytes);
                task.Value = task.MaxValue;
                return result;
            });
    }
}
