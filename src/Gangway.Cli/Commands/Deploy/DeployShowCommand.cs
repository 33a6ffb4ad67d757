using System.CommandLine;
using System.Globalization;
using Gangway.Cli.Infrastructure;
using Gangway.Deployment;
using Gangway.OnlineEvaluation;
using Spectre.Console;

namespace Gangway.Cli.Commands.Deploy;

/// <summary><c>gangway deploy show &lt;model&gt;</c>: the current revision and the version each variant serves now.</summary>
internal static class DeployShowCommand
{
    public static Command Create(CliHost host)
    {
        var model = DeployCommand.ModelArgument();
        var json = JsonOption.Create();
        var command = new Command("show", "Show a model's current deployment: each variant's weight and the registered version it resolves to now, shadows, sticky key and rules.")
        {
            model, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var revision = await DeployCommand.FindAsync(store, parse.GetValue(model)!, cancellationToken);
            var spec = revision.Spec;
            var resolved = await DeploymentApplier.ResolveAsync(store.Registry, spec, cancellationToken);
            if (parse.GetValue(json))
            {
                var result = DeployCommand.RevisionJson(revision);
                result["variants"] = DeployCommand.ResolvedJson(resolved);
                context.Output.WriteLine(result.ToJsonString());
                return ExitCodes.Success;
            }

            var total = spec.Variants.Sum(v => v.Weight);
            var title = $"{spec.Model} revision {revision.Revision}, applied {StoreJson.Time(revision.AppliedAt)} by {revision.Actor}";
            var table = new Table().Title(Markup.Escape(title)).AddColumns("variant", "model", "version", "weight", "share", "role");
            foreach (var variant in resolved)
            {
                table.AddRow(
                    Markup.Escape(variant.Name),
                    Markup.Escape(variant.Reference.ToString()),
                    variant.Version.Version.ToString(CultureInfo.InvariantCulture),
                    variant.Weight is { } weight ? DeployCommand.Number(weight) : "-",
                    variant.Weight is { } share ? (share / total).ToString("0.0%", CultureInfo.InvariantCulture) : "-",
                    variant.IsShadow ? "shadow" : variant.Name == spec.Champion ? "champion" : "challenger");
            }

            context.Console.Write(table);
            var sticky = spec.Sticky is { } key ? $"{(key.Source == StickySource.Header ? "header" : "field")} {key.Name}" : "none (each request at random by weight)";
            context.Output.WriteLine($"sticky: {sticky}");
            context.Output.WriteLine($"promote_when: {Rule(spec.PromoteWhen, "better")}");
            context.Output.WriteLine($"rollback_when: {Rule(spec.RollbackWhen, "worse")}");
            context.Output.WriteLine($"refresh: {spec.Refresh.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // "a challenger's roc_auc better than the champion's by more than 0.01 at 0.95 confidence, ..."
    private static string Rule(DeploymentRule? rule, string direction) => rule is null ? "none"
        : $"a challenger's {rule.Metric} {direction} than the champion's by more than {DeployCommand.Number(rule.Margin)}"
          + (rule.Threshold is { } threshold ? $" (and beyond {DeployCommand.Number(threshold)})" : "")
          + $" at {rule.Confidence.ToString("0.###", CultureInfo.InvariantCulture)} confidence, "
          + $"after {rule.MinimumLabelled} labelled predictions per variant; {(rule.Decide == DecisionMode.Auto ? "acts" : "reports only")}";
}
