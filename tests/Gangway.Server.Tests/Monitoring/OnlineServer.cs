using Gangway.Store.Sqlite;
using Gangway.Stores;
using Microsoft.AspNetCore.Builder;

namespace Gangway.Server.Tests.Monitoring;

/// <summary>The real service on a loopback port over a SQLite store in a test folder, as <c>gangway serve</c> runs it.</summary>
internal static class OnlineServer
{
    /// <summary>Starts a service for <paramref name="model"/> on <paramref name="store"/>; the API key when <paramref name="key"/> is given.</summary>
    public static async Task<WebApplication> StartAsync(string model, string store, string? key = TwoModels.AdminKey, string predictionLog = "store")
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Gangway:Store", store, "--Gangway:PredictionLog", predictionLog,
            .. key is null ? Array.Empty<string>() : ["--Gangway:AdminApiKey", key],
        ];
        var app = GangwayServer.Build(args, model, stores: new StoreCatalog().Add(new SqliteStoreProvider()));
        await app.StartAsync();
        return app;
    }

    public static HttpClient Client(WebApplication app, string? key = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}
