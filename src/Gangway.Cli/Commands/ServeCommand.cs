using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.Hosting;
using Gangway.Server;
using Gangway.Stores;
using Microsoft.Extensions.Options;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway serve</c>: answer predictions over HTTP with a model bundle, a registry version or alias (followed while
/// serving), or a deployment (<c>--deployment</c>: weighted, sticky variants and shadows, re-read while serving), until
/// stopped (Ctrl+C). Logs, one access line per request included, go to standard error in the
/// <c>--log-format</c> chosen; <c>-q</c> keeps warnings and errors only (no access lines), <c>-v</c> adds debug events.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var model = CliOptions.OptionalPath("--model", "The model bundle (.gwb) to serve, or a registry reference: titanic@champion (an alias, followed while serving) or titanic:3. Required unless --deployment is given.");
        var deployment = CliOptions.OptionalPath("--deployment", "Serve a deployment instead of one model: a deployed model's name in the store (gangway deploy apply), or a deployment file (.yaml). Re-read while serving.");
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';').",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var maxBody = new Option<long?>("--max-body-bytes")
        {
            Description = "The largest request body accepted, in bytes (default 1048576); larger bodies get 413.",
        };
        var predictionLog = new Option<string?>("--prediction-log")
        {
            Description = "Where every answered record is logged: store (the --store, the default), none, or jsonl:<folder> (JSON Lines files).",
        };
        var logRetention = new Option<string?>("--log-retention")
        {
            Description = "How long logged predictions and feedback are kept in the store (default 30d); older ones are deleted at start and hourly.",
        };
        var command = new Command("serve", "Serve a model bundle, a registry version or alias, or a deployment (variants and shadows) over HTTP: POST /predict, /upsell, /feedback, health, /models, /monitoring/online, OpenAPI at /openapi/v1.json and an API page at /scalar. Logs every answered record in the prediction log (--prediction-log) and one access line per request on standard error (-q: none).")
        {
            model, deployment, urls, maxBody, predictionLog, logRetention,
        };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var path = parse.GetValue(model);
            var deployed = parse.GetValue(deployment);
            CheckWhatToServe(path, deployed);
            List<string> args = ["--urls", parse.GetValue(urls)!, .. LoggingArguments(parse)];
            if (deployed is not null)
            {
                args.AddRange(["--Gangway:Deployment", deployed]);
            }

            if (parse.GetValue(GlobalOptions.Store) is { } uri)
            {
                // A registry reference is resolved in the global --store (else GANGWAY_STORE, else the default).
                args.AddRange(["--Gangway:Store", uri]);
            }

            AddSetting(args, "PredictionLog", parse.GetValue(predictionLog));
            AddSetting(args, "LogRetention", parse.GetValue(logRetention));
            try
            {
                using var app = GangwayServer.Build([.. args], path, parse.GetValue(maxBody), CliApp.Stores(), context.Error);
                app.Run();
            }
            catch (OptionsValidationException ex)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, string.Join(" ", ex.Failures));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    // Only when given, so the Gangway__ setting in the environment still counts otherwise.
    private static void AddSetting(List<string> args, string name, string? value)
    {
        if (value is not null)
        {
            args.AddRange([$"--Gangway:{name}", value]);
        }
    }

    // A deployment names its models itself: with --model as well it would be unclear which one answers.
    private static void CheckWhatToServe(string? path, string? deployment)
    {
        if (path is not null && deployment is not null)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Give --model ('{path}') or --deployment ('{deployment}'), not both: a deployment names its models itself.");
        }

        if (path is null && deployment is null)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "Give --model (a bundle or a registry reference such as titanic@champion) or --deployment (a deployed model's name or a deployment file).");
        }

        if (path is not null && !File.Exists(path) && !ModelReference.TryParse(path, out _))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Model bundle '{path}' does not exist. It is not a registry reference either (name@alias or name:version).");
        }
    }

    private static IEnumerable<string> LoggingArguments(ParseResult parse)
    {
        // The format only when given, so Gangway__LogFormat in the environment still counts otherwise.
        var format = parse.GetResult(GlobalOptions.LogFormat) is { Implicit: false } ? parse.GetValue(GlobalOptions.LogFormat) : null;
        return HostLogging.ServiceSettings(format, parse.GetValue(GlobalOptions.Verbose), parse.GetValue(GlobalOptions.Quiet))
            .SelectMany(setting => new[] { "--" + setting.Key, setting.Value });
    }
}
