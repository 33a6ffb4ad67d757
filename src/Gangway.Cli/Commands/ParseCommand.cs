using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.Data;
using Gangway.Parsing;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway parse</c>: turn a business unit's file into canonical CSV of the contract with its parser spec.</summary>
internal static class ParseCommand
{
    private const int RejectsLogged = 10;

    public static Command Create(CliHost host)
    {
        var parser = CliOptions.RequiredPath("--parser", "The parser spec (YAML) describing the unit's format and naming the contract.");
        var data = CliOptions.RequiredPath("--data", "The unit's file.");
        var output = CliOptions.RequiredPath("--out", "Where to write the canonical CSV, or '-' for standard output.");
        var onError = new Option<string>("--on-error")
        {
            Description = "What to do with a row that cannot be parsed: 'fail' (default; no output file is left) or 'skip' (report it and go on).",
            DefaultValueFactory = _ => "fail",
        };
        onError.AcceptOnlyFromAmong("fail", "skip");
        var command = new Command("parse", "Parse a business unit's file into canonical CSV (the contract's columns, names and types).")
        {
            parser, data, output, onError,
        };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var spec = ParserSpecReader.ReadFile(parse.GetValue(parser)!);
            var source = context.Catalog.Parsers.Create(spec).Open(parse.GetValue(data)!);
            var options = CsvReadOptions.Default with
            {
                InvalidRows = parse.GetValue(onError) == "skip" ? InvalidRowPolicy.Skip : InvalidRowPolicy.Fail,
            };
            var target = parse.GetValue(output)!;
            var result = FileOutput.WriteText(target, context.Output, writer => CanonicalCsv.Write(source, writer, options));
            foreach (var rejected in result.Rejected.Take(RejectsLogged))
            {
                context.Logger.SkippedRow(rejected.Message);
            }

            var destination = FileOutput.Describe(target);
            context.Logger.Parsed(result.Rows, source.Description, spec.Name, result.Rejected.Count, destination);
            return ExitCodes.Success;
        }));
        return command;
    }
}
