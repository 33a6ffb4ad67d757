namespace Gangway.Stores;

/// <summary>
/// The store kinds a host knows, and the rule for which store to use: the given URI, else <c>GANGWAY_STORE</c>, else
/// <see cref="DefaultUri"/> (a SQLite file under <c>.gangway/</c> in the working directory).
/// </summary>
public sealed class StoreCatalog
{
    /// <summary>The environment variable that names the store when no URI is given.</summary>
    public const string EnvironmentVariable = "GANGWAY_STORE";

    /// <summary>The store used when neither a URI nor <see cref="EnvironmentVariable"/> names one.</summary>
    public const string DefaultUri = "sqlite:.gangway/gangway.db";

    private readonly List<IStoreProvider> _providers = [];

    /// <summary>Adds a store kind.</summary>
    public StoreCatalog Add(IStoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider);
        return this;
    }

    /// <summary>The URI to use: <paramref name="uri"/>, else <see cref="EnvironmentVariable"/>, else <see cref="DefaultUri"/>.</summary>
    public static string ChooseUri(string? uri) =>
        !string.IsNullOrWhiteSpace(uri) ? uri
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultUri;

    /// <summary>Opens the store <see cref="ChooseUri"/> names.</summary>
    /// <exception cref="GangwayException">No store kind recognises the URI (<see cref="ErrorKind.InvalidInput"/>, listing the forms), or the store cannot be opened.</exception>
    public async Task<IStore> OpenAsync(string? uri, CancellationToken cancellationToken)
    {
        var chosen = ChooseUri(uri);
        var provider = _providers.FirstOrDefault(p => p.CanOpen(chosen))
            ?? throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Store '{StoreUris.HidePassword(chosen)}' is not a store URI; use one of: {string.Join(", ", _providers.SelectMany(p => p.UriForms))}.");
        return await provider.OpenAsync(chosen, cancellationToken);
    }
}
