using Gangway.Store.Sqlite;
using Gangway.Stores;

namespace Gangway.Server.Tests;

/// <summary>
/// Builds and starts the service as its program does, with the given settings, and returns what that threw (settings are
/// checked as the app is built, when Kestrel reads them, and as it starts). Not through
/// WebApplicationFactory: when an app's start fails, the factory's deferred host can reach the already disposed app
/// first and throw <see cref="ObjectDisposedException"/> instead of the start's own exception (seen under CI load).
/// </summary>
internal static class FailedStart
{
    public static async Task<TException> Of<TException>(IDictionary<string, string?> settings)
        where TException : Exception
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Gangway:PredictionLog", "none",
            .. settings.Where(s => s.Value is not null).SelectMany(s => (string[])[$"--{s.Key}", s.Value!]),
        ];
        return await Assert.ThrowsAsync<TException>(async () =>
        {
            await using var app = GangwayServer.Build(args, stores: new StoreCatalog().Add(new SqliteStoreProvider()));
            await app.StartAsync();
        });
    }
}
