using Microsoft.Extensions.Options;

namespace Gangway.Server.Hosting;

/// <summary>Checks <see cref="ServerOptions"/> at start-up so a bad setting stops the service with one clear message.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Gangway:Model is required: the path of the model bundle (.gwb) to serve, e.g. --model titanic.gwb.");
        }
        else if (!File.Exists(options.Model))
        {
            failures.Add($"Gangway:Model: the model bundle '{options.Model}' does not exist.");
        }

        if (options.MaxBodyBytes < 1024)
        {
            failures.Add($"Gangway:MaxBodyBytes must be at least 1024; it is {options.MaxBodyBytes}.");
        }

        if (options.MaxJsonDepth is < 3 or > 256)
        {
            failures.Add($"Gangway:MaxJsonDepth must be between 3 and 256; it is {options.MaxJsonDepth}.");
        }

        if (options.MaxStringLength < 1)
        {
            failures.Add($"Gangway:MaxStringLength must be at least 1; it is {options.MaxStringLength}.");
        }

        if (options.LogFormat is not (LogFormats.Text or LogFormats.Json))
        {
            failures.Add($"Gangway:LogFormat must be '{LogFormats.Text}' or '{LogFormats.Json}'; it is '{options.LogFormat}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
