using Gangway.Server.Hosting;
using Gangway.Stores;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Serving;

/// <summary>
/// Opens the configured store (<see cref="ServerOptions.Store"/>) with the store kinds the host registered. A store is
/// opened per operation and disposed after it, so a store that was unreachable is simply tried again next time.
/// </summary>
internal sealed class ModelStores(IOptions<ServerOptions> options, StoreCatalog? catalog = null)
{
    /// <summary>The URI of the store used (password hidden).</summary>
    public string DisplayUri => StoreUris.HidePassword(StoreCatalog.ChooseUri(options.Value.Store));

    /// <exception cref="GangwayException">The host registered no store kinds, or the store cannot be opened.</exception>
    public Task<IStore> OpenAsync(CancellationToken cancellationToken) =>
        (catalog ?? throw new GangwayException(ErrorKind.InvalidConfiguration, $"Store '{DisplayUri}' cannot be opened: this host registered no store kinds (StoreCatalog).")).OpenAsync(options.Value.Store, cancellationToken);
}
