using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Calibration;
using Gangway.Cli.Infrastructure;
using Gangway.Learners;
using Gangway.Pipelines;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway inspect</c>: verify a bundle and print its manifest, schema, lineage and training metrics.</summary>
internal static class InspectCommand
{
    public static Command Create(CliHost host)
    {
        var path = CliOptions.FileOnly(new Argument<string>("bundle") { Description = "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3)." });
        var json = new Option<bool>("--json") { Description = "Print the manifest, schema and lineage as one JSON object." };
        var command = new Command("inspect", "Check a model bundle's integrity and print what it holds.") { path, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var bundle = BundleReader.Read(await context.ResolveModelAsync(parse.GetValue(path)!, cancellationToken), context.Catalog);
            var document = new JsonObject
            {
                ["manifest"] = SnakeCaseJson.Keys(JsonSerializer.SerializeToNode(bundle.Manifest)),
                ["schema"] = SnakeCaseJson.Keys(JsonNode.Parse(bundle.Schema.ToJson())),
                ["lineage"] = SnakeCaseJson.Keys(JsonNode.Parse(bundle.Lineage.ToJson())),
                ["training_metrics"] = bundle.Metrics["training"]?.DeepClone(),
                ["learner_features"] = Learner(bundle)?.FeatureColumns is { } used ? new JsonArray([.. used.Select(f => (JsonNode)f)]) : null,
                ["calibration"] = Learner(bundle)?.Calibration?.ToJson(),
            };
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("[bold]model[/]", Markup.Escape(bundle.Name));
            grid.AddRow("[bold]created[/]", Markup.Escape(bundle.Manifest.CreatedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
            grid.AddRow("[bold]gangway[/]", Markup.Escape(bundle.Manifest.GangwayVersion));
            grid.AddRow("[bold]format[/]", bundle.Manifest.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("[bold]inputs[/]", Markup.Escape(string.Join(", ", bundle.Schema.Columns.Select(c => $"{c.Name} ({c.Type.ToString().ToLowerInvariant()}, {c.Role.ToString().ToLowerInvariant()})"))));
            if (Learner(bundle) is { } learner)
            {
                grid.AddRow("[bold]learner uses[/]", Markup.Escape(string.Join(", ", learner.FeatureColumns)));
                grid.AddRow("[bold]calibration[/]", Markup.Escape(Describe(learner.Calibration)));
            }

            grid.AddRow("[bold]target[/]", Markup.Escape($"{bundle.Schema.Target} (positive: {bundle.Schema.PositiveClass})"));
            grid.AddRow("[bold]lineage[/]", Markup.Escape(bundle.Lineage.ToJson()));
            context.Console.Write(grid);
            var entries = new Table().Title("entries (integrity verified)").AddColumn("name").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("sha256");
            foreach (var entry in bundle.Manifest.Entries)
            {
                entries.AddRow(Markup.Escape(entry.Name), entry.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Sha256);
            }

            context.Console.Write(entries);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // The learner, whose feature columns (after the feature steps, e.g. Sex_male) are what the model actually uses.
    private static BinaryClassifierTransformer? Learner(ModelBundle bundle) =>
        FittedSteps.Of(bundle.Model) is [.., BinaryClassifierTransformer learner] ? learner : null;

    private static string Describe(FittedCalibration? calibration) => calibration is null
        ? "none (the learner's own probabilities)"
        : string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{calibration.Calibrator.Describe()}; fitted on out-of-fold probabilities of {calibration.Rows} training rows ({calibration.Folds} folds), ECE {calibration.UncalibratedError:0.0000} → {calibration.CalibratedError:0.0000}");
}
