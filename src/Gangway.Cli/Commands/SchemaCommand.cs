using System.CommandLine;
using System.Globalization;
using Gangway.Cli.Infrastructure;
using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway schema infer</c>: propose a data contract from data, for a person to curate.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliHost host)
    {
        var data = CliOptions.RequiredPath("--data", "Representative data (CSV with a header).");
        var output = CliOptions.RequiredPath("--out", "Where to write the proposed schema (YAML), or '-' for standard output.");
        var margin = new Option<double>("--margin")
        {
            Description = "How far to widen observed ranges and missing rates (0.1 = 10%).",
            DefaultValueFactory = _ => 0.1,
        };
        var infer = new Command("infer", "Propose a schema (types, categories, ranges, missing rates) from data; curate it before use.") { data, output, margin };
        infer.SetAction(parse => host.Execute(parse, context =>
        {
            var dataPath = parse.GetValue(data)!;
            var target = parse.GetValue(output)!;
            FileOutput.Check(target);
            var schema = SchemaInference.Infer(CsvReader.ReadFile(dataPath), parse.GetValue(margin));
            var yaml = DataSchemaWriter.Write(schema,
            [
                $"Proposed by 'gangway schema infer' from {Path.GetFileName(dataPath)} (margin {parse.GetValue(margin).ToString(CultureInfo.InvariantCulture)}).",
                "Curate before use: check types and allowed values, tighten ranges, mark personal data with 'pii: true'.",
            ]);
            FileOutput.WriteText(target, context.Output, yaml);
            if (target != FileOutput.StandardOutput)
            {
                context.Logger.Wrote("a proposed schema", target);
            }

            return ExitCodes.Success;
        }));
        return new Command("schema", "Work with data contracts (schemas).") { infer };
    }
}
