using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Server.Hosting;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Training;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gangway.Server.Tests;

/// <summary>
/// Two different Titanic models trained once per test class (titanic.yaml and baseline.yaml), as bundle bytes, and
/// servers that serve whatever a test points them at, in a temporary folder of their own.
/// </summary>
public sealed class TwoModels : IDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    public TwoModels()
    {
        Directory.CreateDirectory(Folder);
        Titanic = Write("titanic.gwb", new ModelTrainer().Train(TitanicService.TestFile("titanic.yaml"), TitanicService.TestFile("train.csv")));
        Baseline = Write("baseline.gwb", new ModelTrainer().Train(TitanicService.TestFile("baseline.yaml"), TitanicService.TestFile("train.csv")));
        TitanicVersion = Hashing.Sha256(Titanic)[..12];
        BaselineVersion = Hashing.Sha256(Baseline)[..12];
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "gangway-server-tests-" + Guid.NewGuid().ToString("N"));

    public byte[] Titanic { get; }

    public byte[] Baseline { get; }

    /// <summary>The version the service reports for <see cref="Titanic"/>: the first 12 hex digits of its SHA-256.</summary>
    public string TitanicVersion { get; }

    public string BaselineVersion { get; }

    /// <summary>A path in the test folder no other test uses.</summary>
    public string NewPath(string extension) => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);

    /// <summary>A new, empty SQLite store in the test folder, as a URI.</summary>
    public string NewStore() => "sqlite:" + NewPath(".db");

    public static Task<IStore> OpenAsync(string store) => new SqliteStoreProvider().OpenAsync(store, CancellationToken.None);

    /// <summary>
    /// Records a run with <paramref name="bundle"/> as its <c>model.gwb</c>, trained from the example spec
    /// <paramref name="spec"/> (promotion gates read their data next to it), and registers it as the next version of titanic.
    /// </summary>
    public static async Task<int> RegisterAsync(string store, byte[] bundle, string spec = "titanic.yaml")
    {
        await using var opened = await OpenAsync(store);
        var now = DateTimeOffset.UtcNow;
        var parameters = new Dictionary<string, string> { ["spec"] = TitanicService.TestFile(spec) };
        var run = await opened.Runs.CreateRunAsync(
            new NewRun("titanic", "test", null, RunStatus.Finished, now, now, parameters, new Dictionary<string, double>(), new Dictionary<string, string>(), null, [new RunArtifact(RunArtifact.ModelBundle, bundle)]),
            new Change("tests"),
            CancellationToken.None);
        return (await opened.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, new Change("tests"), CancellationToken.None)).Version;
    }

    public static async Task SetAliasAsync(string store, int version, string alias = "champion")
    {
        await using var opened = await OpenAsync(store);
        await opened.Registry.SetAliasAsync("titanic", alias, version, new Change("tests"), CancellationToken.None);
    }

    /// <summary>A server of its own for <paramref name="model"/> resolved in <paramref name="store"/>.</summary>
    public static WebApplicationFactory<ServerOptions> Serve(string model, string store, IDictionary<string, string?>? settings = null) =>
        Serve(model, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Gangway:Store"] = store });

    /// <summary>A server of its own for <paramref name="model"/> (a bundle path or a registry reference), with the admin key unless told otherwise.</summary>
    public static WebApplicationFactory<ServerOptions> Serve(string model, IDictionary<string, string?>? settings = null, string? adminKey = AdminKey) =>
        new WebApplicationFactory<ServerOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureAppConfiguration((_, configuration) =>
            {
                // No prediction log unless a test asks for one: a server without Gangway:Store would log into the working directory.
                configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gangway:Model"] = model, ["Gangway:AdminApiKey"] = adminKey, ["Gangway:PredictionLog"] = "none" });
                if (settings is not null)
                {
                    configuration.AddInMemoryCollection(settings);
                }
            });
        });

    /// <summary>Posts to an admin endpoint with <paramref name="key"/> in X-Api-Key (none when null).</summary>
    public static Task<HttpResponseMessage> Admin(HttpClient client, string path, object? body = null, string? key = AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return client.SendAsync(request);
    }

    /// <summary>The model version that answered a /predict of the first rows of predict.csv.</summary>
    public static async Task<string> PredictedVersion(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(Records, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("model").GetProperty("version").GetString()!;
    }

    /// <summary>The single model of <c>GET /models</c>.</summary>
    public static async Task<JsonElement> Described(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/models", UriKind.Relative))).RootElement[0].Clone();

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // Three passengers, with every input either model reads.
    internal static readonly string Records = """
        [{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Ticket": "330911", "Fare": 7.8292, "Cabin": null, "Embarked": "Q"},
         {"PassengerId": 893, "Pclass": 3, "Name": "Wilkes, Mrs. James (Ellen Needs)", "Sex": "female", "Age": 47, "SibSp": 1, "Parch": 0, "Ticket": "363272", "Fare": 7, "Cabin": null, "Embarked": "S"},
         {"PassengerId": 894, "Pclass": 2, "Name": "Myles, Mr. Thomas Francis", "Sex": "male", "Age": 62, "SibSp": 0, "Parch": 0, "Ticket": "240276", "Fare": 9.6875, "Cabin": null, "Embarked": "Q"}]
        """;

    private byte[] Write(string name, ModelBundle bundle)
    {
        var path = Path.Combine(Folder, name);
        BundleWriter.Write(bundle, path);
        return File.ReadAllBytes(path);
    }
}
