using System.Globalization;
using Gangway.Hosting;
using Gangway.Server.PredictionLogging;
using Gangway.Stores;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Hosting;

/// <summary>Checks <see cref="ServerOptions"/> at start-up so a bad setting stops the service with one clear message.</summary>
/// <param name="stores">The store kinds the host registered, or null when it registered none.</param>
internal sealed class ServerOptionsValidator(StoreCatalog? stores = null) : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Deployment))
        {
            ValidateDeployment(options, failures);
        }
        else if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Gangway:Model is required: the path of the model bundle (.gwb) to serve, e.g. --model titanic.gwb, or a registry reference such as titanic@champion; or set Gangway:Deployment.");
        }
        else if (ModelReference.TryParse(options.Model, out _))
        {
            if (stores is null)
            {
                failures.Add($"Gangway:Model '{options.Model}' is a registry reference, but this host registered no store kinds (StoreCatalog); serve a bundle file instead.");
            }
        }
        else if (!File.Exists(options.Model))
        {
            failures.Add($"Gangway:Model: the model bundle '{options.Model}' does not exist. It is not a registry reference either (name@alias or name:version).");
        }

        if (options.RefreshSeconds is < 1 or > 3600)
        {
            failures.Add($"Gangway:RefreshSeconds must be between 1 and 3600; it is {options.RefreshSeconds}.");
        }

        if (options.PromotionData is { } data && !File.Exists(data))
        {
            failures.Add($"Gangway:PromotionData: the file '{data}' does not exist.");
        }

        if (options.AdminApiKey is { } key && key.Length < ServerOptions.MinAdminApiKeyLength)
        {
            failures.Add($"Gangway:AdminApiKey must be at least {ServerOptions.MinAdminApiKeyLength} characters when set; it has {key.Length}.");
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

        if (!LogFormats.IsKnown(options.LogFormat))
        {
            failures.Add($"Gangway:LogFormat must be '{LogFormats.Text}' or '{LogFormats.Json}'; it is '{options.LogFormat}'.");
        }

        if (options.AccessLogQueueSize is < 1 or > 1_000_000)
        {
            failures.Add($"Gangway:AccessLogQueueSize must be between 1 and 1000000; it is {options.AccessLogQueueSize}.");
        }

        failures.AddRange(PredictionLogTarget.Check(options, stores is not null));

        if (options.LogWriterShare is not (> 0 and <= 1))
        {
            failures.Add($"Gangway:LogWriterShare must be above 0 and at most 1; it is {options.LogWriterShare.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.OnlineMetricsSeconds is < 5 or > 86_400)
        {
            failures.Add($"Gangway:OnlineMetricsSeconds must be between 5 and 86400; it is {options.OnlineMetricsSeconds}.");
        }

        if (options.MonitoringQueueSize is < 1 or > 1_000_000)
        {
            failures.Add($"Gangway:MonitoringQueueSize must be between 1 and 1000000; it is {options.MonitoringQueueSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A deployment names the models itself, so a model setting as well would leave it unclear which one answers.
    private void ValidateDeployment(ServerOptions options, List<string> failures)
    {
        var deployment = options.Deployment!;
        if (!string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"Gangway:Model ('{options.Model}') and Gangway:Deployment ('{deployment}') are both set; a deployment names its models itself, so set only one.");
        }

        if (stores is null)
        {
            failures.Add($"Gangway:Deployment '{deployment}' needs a store to resolve its variants' models in, but this host registered no store kinds (StoreCatalog).");
        }

        if (Serving.DeploymentSource.IsFile(deployment) && !File.Exists(deployment))
        {
            failures.Add($"Gangway:Deployment: the deployment file '{deployment}' does not exist.");
        }
    }
}
