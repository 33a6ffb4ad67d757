using Gangway.Server.Hosting;

namespace Gangway.Server.PredictionLogging;

/// <summary>Where the service's prediction log goes, as <see cref="ServerOptions.PredictionLog"/> names it.</summary>
/// <param name="Kind">The sink: <see cref="Store"/>, <see cref="None"/> or <see cref="JsonLines"/>.</param>
/// <param name="Folder">The folder of a JSON Lines log, else null.</param>
internal sealed record PredictionLogTarget(string Kind, string? Folder = null)
{
    /// <summary>The service's store (<see cref="ServerOptions.Store"/>).</summary>
    public const string Store = "store";

    /// <summary>No log.</summary>
    public const string None = "none";

    /// <summary>JSON Lines files in a folder: <c>jsonl:&lt;folder&gt;</c>.</summary>
    public const string JsonLines = "jsonl";

    private const string JsonLinesPrefix = JsonLines + ":";

    /// <summary>
    /// The target <paramref name="setting"/> names; unset means the store when the host registered store kinds
    /// (<paramref name="hostHasStores"/>), else none.
    /// </summary>
    /// <exception cref="GangwayException">The setting is none of <c>store</c>, <c>none</c>, <c>jsonl:&lt;folder&gt;</c> (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static PredictionLogTarget Of(string? setting, bool hostHasStores)
    {
        var text = setting?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(hostHasStores ? Store : None);
        }

        if (text.Equals(Store, StringComparison.OrdinalIgnoreCase) || text.Equals(None, StringComparison.OrdinalIgnoreCase))
        {
            return new(text.ToLowerInvariant());
        }

        if (text.StartsWith(JsonLinesPrefix, StringComparison.OrdinalIgnoreCase) && text[JsonLinesPrefix.Length..].Trim() is { Length: > 0 } folder)
        {
            return new(JsonLines, folder);
        }

        throw new GangwayException(
            ErrorKind.InvalidConfiguration, $"Gangway:PredictionLog must be 'store', 'none' or 'jsonl:<folder>'; it is '{setting}'.");
    }

    /// <summary>What is wrong with the prediction log settings of <paramref name="options"/>, one message each.</summary>
    public static IEnumerable<string> Check(ServerOptions options, bool hostHasStores)
    {
        ArgumentNullException.ThrowIfNull(options);
        PredictionLogTarget? target = null;
        string? failure = null;
        try
        {
            target = Of(options.PredictionLog, hostHasStores);
        }
        catch (GangwayException ex)
        {
            failure = ex.Message;
        }

        if (failure is not null)
        {
            yield return failure;
        }
        else if (target!.Kind == Store && !hostHasStores)
        {
            yield return "Gangway:PredictionLog is 'store', but this host registered no store kinds (StoreCatalog); use 'none' or 'jsonl:<folder>'.";
        }

        if (!Durations.TryParse(options.LogRetention ?? "", out var retention) || retention <= TimeSpan.Zero)
        {
            yield return $"Gangway:LogRetention must be a duration such as 30d, 24h or 15m (a positive number and ms, s, m, h or d); it is '{options.LogRetention}'.";
        }

        if (options.LogQueueSize is < 1 or > 10_000_000)
        {
            yield return $"Gangway:LogQueueSize must be between 1 and 10000000; it is {options.LogQueueSize}.";
        }

        if (options.ShadowQueueSize is < 1 or > 1_000_000)
        {
            yield return $"Gangway:ShadowQueueSize must be between 1 and 1000000; it is {options.ShadowQueueSize}.";
        }
    }

    /// <summary>How the start-up log line names it.</summary>
    public string Describe(string storeUri) => Kind switch
    {
        Store => $"the store '{storeUri}'",
        JsonLines => $"JSON Lines files in '{Path.GetFullPath(Folder!)}'",
        _ => "off (none)",
    };
}
