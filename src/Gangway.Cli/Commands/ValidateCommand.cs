using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Data;
using Gangway.Schema;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway validate</c>: check a data file against a contract and report per rule.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliHost host)
    {
        var data = CliOptions.RequiredPath("--data", "The data to check (CSV with a header).");
        var schemaPath = CliOptions.OptionalPath("--schema", "The contract (schema YAML) to check against.");
        var model = CliOptions.OptionalPath("--model", "Check against the contract stored in this model bundle instead (only the columns the model reads, so unlabelled data passes).");
        var parser = CliOptions.Parser();
        var json = new Option<bool>("--json") { Description = "Print the report (rows checked, rows rejected, each failing rule with examples) as JSON instead of the table." };
        var command = new Command("validate", "Check data against a data contract: every rule, rows failing, a few examples. Exits 3 on errors.")
        {
            data, schemaPath, model, parser, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var schema = ResolveSchema(parse.GetValue(schemaPath), parse.GetValue(model) is { } named ? await context.ResolveModelAsync(named, cancellationToken) : null, context.Catalog);
            var dataPath = parse.GetValue(data)!;
            var report = DataValidation.Validate(CliOptions.Source(dataPath, parse.GetValue(parser), context.Catalog), schema);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(Json(dataPath, report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Print(context.Console, dataPath, report);
            }

            if (report.HasErrors)
            {
                context.Error.WriteLine($"error: {report.Summary(Path.GetFileName(dataPath), pointToValidate: false)}");
                return ExitCodes.InvalidInput;
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static DataSchema ResolveSchema(string? schemaPath, string? modelPath, GangwayCatalog catalog) => (schemaPath, modelPath) switch
    {
        ({ } path, null) => DataSchemaReader.ReadFile(path),
        (null, { } bundle) => ModelContract(BundleReader.Read(bundle, catalog), bundle),
        _ => throw new GangwayException(ErrorKind.InvalidConfiguration, "Give exactly one of --schema <file> or --model <bundle>."),
    };

    private static DataSchema ModelContract(ModelBundle bundle, string path) =>
        bundle.InputContract()
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model bundle '{path}' has no data contract (its spec names no 'schema').");

    private static JsonObject Json(string dataPath, ValidationReport report) => new()
    {
        ["data"] = Path.GetFileName(dataPath),
        ["rows"] = report.RowCount,
        ["rejected_rows"] = report.RejectedRows,
        ["has_errors"] = report.HasErrors,
        ["rules"] = new JsonArray([.. report.Rules.Select(rule => (JsonNode)new JsonObject
        {
            ["column"] = rule.Column,
            ["rule"] = rule.Rule,
            ["severity"] = rule.Severity == Severity.Error ? "error" : "warning",
            ["failures"] = rule.Failures,
            ["examples"] = new JsonArray([.. rule.Examples.Select(e => (JsonNode)JsonValue.Create(e))]),
        })]),
    };

    private static void Print(IAnsiConsole console, string dataPath, ValidationReport report)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, "{0}: {1} rows checked, {2} rejected by errors.", Markup.Escape(Path.GetFileName(dataPath)), report.RowCount, report.RejectedRows);
        if (report.Rules.Count == 0)
        {
            console.WriteLine("Every rule holds.");
            return;
        }

        var table = new Spectre.Console.Table().AddColumn("column").AddColumn("rule").AddColumn("severity").AddColumn(new TableColumn("failing").RightAligned()).AddColumn("examples");
        foreach (var rule in report.Rules)
        {
            table.AddRow(
                Markup.Escape(rule.Column),
                rule.Rule,
                rule.Severity == Severity.Error ? "[red]error[/]" : "[yellow]warning[/]",
                rule.Failures.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("\n", rule.Examples)));
        }

        console.Write(table);
    }
}
