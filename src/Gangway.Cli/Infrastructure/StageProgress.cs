using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Shows a spinner with the current stage on an interactive terminal while work runs; elsewhere each stage is only
/// logged (so `--log-format json`, pipes and CI logs see them).
/// </summary>
internal static class StageProgress
{
    public static T Run<T>(CliContext context, string title, Func<IProgress<string>, T> work)
    {
        if (!context.ShowProgress)
        {
            return work(new SynchronousProgress<string>(stage => context.Logger.Stage(title, stage)));
        }

        // Log lines written under a live spinner would tear it, so on a terminal the spinner alone shows the stage.
        return context.ErrorConsole.Status().Spinner(Spinner.Known.Dots).Start(title, status => work(new SynchronousProgress<string>(stage =>
            status.Status($"{Markup.Escape(title)}: {Markup.Escape(stage)}"))));
    }

    public static async Task<T> RunAsync<T>(CliContext context, string title, Func<IProgress<string>, Task<T>> work)
    {
        if (!context.ShowProgress)
        {
            return await work(new SynchronousProgress<string>(stage => context.Logger.Stage(title, stage)));
        }

        return await context.ErrorConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(title, status => work(new SynchronousProgress<string>(stage =>
            status.Status($"{Markup.Escape(title)}: {Markup.Escape(stage)}"))));
    }
}
