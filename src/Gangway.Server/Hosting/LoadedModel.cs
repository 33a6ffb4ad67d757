using Gangway.Bundles;
using Gangway.Learners;
using Gangway.Schema;
using Gangway.Upsell;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Hosting;

/// <summary>
/// The model the service answers with. Loaded when the host starts; ready only once it has also scored its own example
/// rows (<see cref="ModelBundle.Examples"/>) to finite probabilities. A bundle that cannot be read or fails its
/// self-check stops the start-up with the reason. Thread-safe once started.
/// </summary>
internal sealed partial class LoadedModel(IOptions<ServerOptions> options, TimeProvider time, ILogger<LoadedModel> logger) : IHostedService
{
    private volatile Served? _served;

    public bool IsReady => _served is not null;

    /// <summary>The loaded model; only call once <see cref="IsReady"/>.</summary>
    public Served Current => _served ?? throw new InvalidOperationException("The model is not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Model!;
        var bundle = BundleReader.Read(path);
        var version = Hashing.Sha256File(path)[..12];
        var contract = bundle.Contract?.Select(bundle.Schema.Columns.Select(c => c.Name));
        var validator = contract is null ? null : new SchemaValidator(contract);
        SelfCheck(bundle);
        var (upsell, noUpsell) = PrepareUpsell(bundle);
        _served = new Served(bundle, version, time.GetUtcNow(), contract, validator, new RequestSchema(bundle.Schema), upsell, noUpsell);
        LogServing(logger, bundle.Name, version, path, bundle.Examples.RowCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {Model} version {Version} from {Path}; self-check scored {Rows} example rows.")]
    private static partial void LogServing(ILogger logger, string model, string version, string path, int rows);

    // A model without an upsell section still serves /predict; /upsell then answers 404 with this reason.
    private static (UpsellCalculator? Calculator, string? Reason) PrepareUpsell(ModelBundle bundle)
    {
        try
        {
            return (new UpsellCalculator(bundle), null);
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return (null, ex.Message);
        }
    }

    private static void SelfCheck(ModelBundle bundle)
    {
        var scored = bundle.Model.Transform(bundle.Examples);
        var probability = scored.GetNumeric(PredictionColumns.Probability).Values;
        if (scored.RowCount != bundle.Examples.RowCount || !AllFinite(probability))
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Model '{bundle.Name}' failed its self-check: its example rows did not score to finite probabilities.");
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A loaded model with what each request needs, prepared once.</summary>
/// <param name="Bundle">The bundle.</param>
/// <param name="Version">The first 12 hex digits of the bundle file's SHA-256: changes whenever the file does.</param>
/// <param name="LoadedAt">When the model was loaded.</param>
/// <param name="Contract">The data contract restricted to the model's input columns, or null.</param>
/// <param name="Validator">The validator for <paramref name="Contract"/>, or null.</param>
/// <param name="Schema">The request-side view of the input schema.</param>
/// <param name="Upsell">The upsell calculator, built once at load; null when the model cannot recommend upgrades.</param>
/// <param name="NoUpsellReason">Why <paramref name="Upsell"/> is null, or null.</param>
internal sealed record Served(
    ModelBundle Bundle,
    string Version,
    DateTimeOffset LoadedAt,
    DataSchema? Contract,
    SchemaValidator? Validator,
    RequestSchema Schema,
    UpsellCalculator? Upsell,
    string? NoUpsellReason);
