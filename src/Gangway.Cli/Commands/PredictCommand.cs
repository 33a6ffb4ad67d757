using System.CommandLine;
using System.Diagnostics;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Data;
using Gangway.Parsing;
using Gangway.PredictionLog;
using Gangway.Scoring;
using Gangway.Stores;
using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway predict</c>: stream a CSV through a model bundle in constant memory.</summary>
internal static class PredictCommand
{
    private const int RejectsLogged = 10;

    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).");
        var data = CliOptions.RequiredPath("--data", "Rows to score (CSV with a header); extra columns are ignored.");
        var output = CliOptions.RequiredPath("--out", "Where to write predictions (CSV), or '-' for standard output.");
        var onError = new Option<string>("--on-error")
        {
            Description = "What to do with a row that cannot be scored: 'fail' (default; no output file is left) or 'skip' (report it and go on).",
            DefaultValueFactory = _ => "fail",
        };
        onError.AcceptOnlyFromAmong("fail", "skip");
        var rejects = CliOptions.OptionalPath("--rejects", "With --on-error skip: also write the skipped rows with line, column and reason to this CSV file, or '-' for standard output.");
        var includePii = new Option<bool>("--rejects-include-pii")
        {
            Description = "Write the values of the contract's personal-data (pii) columns in clear in the skipped rows' reasons and --rejects file; hidden by default.",
        };
        var parser = CliOptions.Parser();
        var log = new Option<bool>("--log")
        {
            Description = "Record every scored row in the store's prediction log (source 'batch'), so outcomes can be fed back later (gangway feedback import) and scored (gangway monitor online).",
        };
        var command = new Command("predict", "Score a CSV file with a model bundle: id columns, prediction and probability per row.") { model, data, output, onError, rejects, includePii, parser, log };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var (bundlePath, registered) = await context.ResolveModelVersionAsync(parse.GetValue(model)!, cancellationToken);
            var bundle = BundleReader.Read(bundlePath, context.Catalog);
            var inputPath = parse.GetValue(data)!;
            if (!File.Exists(inputPath))
            {
                throw new GangwayException(ErrorKind.NotFound, $"Data file '{inputPath}' does not exist.");
            }

            var options = new BatchScoringOptions
            {
                OnError = parse.GetValue(onError) == "skip" ? InvalidRowPolicy.Skip : InvalidRowPolicy.Fail,
                IncludePersonalData = parse.GetValue(includePii),
            };
            if (parse.GetValue(log))
            {
                options = options with { Scored = await PredictionLogging(context, bundlePath, bundle, registered, cancellationToken) };
            }
            if (options.IncludePersonalData && bundle.Contract?.PiiColumns is { Count: > 0 } personal)
            {
                context.Logger.PersonalDataInClear(string.Join(", ", personal));
            }

            var target = parse.GetValue(output)!;
            var rejectsTarget = parse.GetValue(rejects);
            if (target == FileOutput.StandardOutput && rejectsTarget == FileOutput.StandardOutput)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, "--out and --rejects cannot both be '-' (standard output): give one of them a file.");
            }

            if (rejectsTarget is not null)
            {
                FileOutput.Check(rejectsTarget);
            }

            var stopwatch = Stopwatch.StartNew();
            var parserPath = parse.GetValue(parser);
            var result = ScoringProgress.Run(context, new FileInfo(inputPath).Length, progress =>
            {
                if (parserPath is not null)
                {
                    var source = ParserFactory.Open(parserPath, inputPath, context.Catalog);
                    return FileOutput.WriteText(target, context.Output, writer => BatchScorer.Score(bundle, source, writer, options));
                }

                using var input = new StreamReader(inputPath, FileOutput.StrictUtf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
                // A pipe (--data /dev/stdin, a named pipe) has no position: no progress, but it is scored all the same.
                var seekable = input.BaseStream.CanSeek;
                var withProgress = options with { Progress = new SynchronousProgress<long>(_ => progress(seekable ? input.BaseStream.Position : 0)) };
                return FileOutput.WriteText(target, context.Output, writer => BatchScorer.Score(bundle, input, writer, withProgress));
            });
            foreach (var rejected in result.Rejected.Take(RejectsLogged))
            {
                context.Logger.SkippedRow(rejected.Message);
            }

            if (rejectsTarget is not null)
            {
                RejectsFile.Write(rejectsTarget, context.Output, result.Rejected);
                var rejectsDestination = FileOutput.Describe(rejectsTarget);
                context.Logger.Wrote("the rejected rows", rejectsDestination);
            }

            if (result.ContractWarnings > 0)
            {
                context.Logger.ContractWarnings(result.ContractWarnings);
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            var rate = result.RowsScored / Math.Max(seconds, 1e-9);
            var destination = FileOutput.Describe(target);
            context.Logger.Scored(result.RowsScored, seconds, rate, result.Rejected.Count, destination);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Each chunk's records go into the store before the chunk is written. A bad row that stops the command
    // (--on-error fail) leaves no output file, but the chunks scored before it stay logged: they were scored. The
    // inputs are logged with personal data masked, whatever --rejects-include-pii says.
    private static async Task<Action<Table, Table>> PredictionLogging(CliContext context, string bundlePath, ModelBundle bundle, ModelVersionRecord? version, CancellationToken cancellationToken)
    {
        var store = await context.OpenStoreAsync(cancellationToken);
        var records = new ScoredTableRecords(bundle, Hashing.Sha256File(bundlePath), version?.Version, PredictionSources.Batch) { Model = version?.Model ?? bundle.Name };
        return (input, scored) => store.PredictionLog.AppendAsync(records.Of(input, scored, context.Time.GetUtcNow()), cancellationToken).GetAwaiter().GetResult();
    }
}
