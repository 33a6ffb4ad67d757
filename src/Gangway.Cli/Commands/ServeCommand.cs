using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.Server;
using Microsoft.Extensions.Options;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway serve</c>: answer predictions over HTTP with a model bundle until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model bundle (.gwb) to serve.");
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';').",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var maxBody = new Option<long?>("--max-body-bytes")
        {
            Description = "The largest request body accepted, in bytes (default 1048576); larger bodies get 413.",
        };
        var command = new Command("serve", "Serve a model bundle over HTTP: POST /predict, health, /models, OpenAPI at /openapi/v1.json and an API page at /scalar.")
        {
            model, urls, maxBody,
        };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var path = parse.GetValue(model)!;
            if (!File.Exists(path))
            {
                throw new GangwayException(ErrorKind.NotFound, $"Model bundle '{path}' does not exist.");
            }

            try
            {
                using var app = GangwayServer.Build(["--urls", parse.GetValue(urls)!], path, parse.GetValue(maxBody));
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
}
