using Gangway.Store.PostgreSql;
using Gangway.Store.Sqlite;
using Gangway.Stores;

namespace Gangway.Hosting;

/// <summary>
/// The store kinds every Gangway host knows, so that <c>gangway --store</c> and the service's <c>Gangway:Store</c>
/// accept the same URIs: SQLite (<c>sqlite:</c>, the default) and PostgreSQL (<c>postgresql://</c>, <c>postgres://</c>).
/// </summary>
public static class HostStores
{
    /// <summary>A new catalog with every store kind, whose stores stamp changes with <paramref name="time"/> (the system clock when null).</summary>
    public static StoreCatalog Catalog(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new StoreCatalog().Add(new SqliteStoreProvider(clock)).Add(new PostgreSqlStoreProvider(clock));
    }
}
