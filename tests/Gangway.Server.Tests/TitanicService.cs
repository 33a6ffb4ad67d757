using Gangway.Bundles;
using Gangway.Data;
using Gangway.Server.Hosting;
using Gangway.Training;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests;

/// <summary>Trains the Titanic example once per test class, writes it as a bundle and serves it in memory.</summary>
public sealed class TitanicService : IDisposable
{
    public static readonly DateTimeOffset StartedAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gangway-server-tests-" + Guid.NewGuid().ToString("N"));

    public TitanicService()
    {
        Directory.CreateDirectory(_directory);
        Bundle = new ModelTrainer().Train(TestFile("titanic.yaml"), TestFile("train.csv"));
        BundlePath = Path.Combine(_directory, "titanic.gwb");
        BundleWriter.Write(Bundle, BundlePath);
        Factory = CreateFactory();
        Client = Factory.CreateClient();
    }

    public ModelBundle Bundle { get; }

    public string BundlePath { get; }

    public WebApplicationFactory<ServerOptions> Factory { get; }

    public HttpClient Client { get; }

    public static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", name);

    /// <summary>The first <paramref name="rows"/> rows of predict.csv, read with the model's input types.</summary>
    public Table PredictRows(int rows)
    {
        var types = Bundle.Schema.Columns.ToDictionary(c => c.Name, c => c.Type);
        var table = CsvReader.ReadFile(TestFile("predict.csv"), new CsvReadOptions { ColumnTypes = types });
        return table.Take([.. Enumerable.Range(0, rows)]);
    }

    /// <summary>A server with extra settings (e.g. a small body limit).</summary>
    public WebApplicationFactory<ServerOptions> CreateFactory(IDictionary<string, string?>? settings = null) =>
        new WebApplicationFactory<ServerOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration((_, configuration) =>
            {
                configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gangway:Model"] = BundlePath, ["Gangway:PredictionLog"] = "none" });
                if (settings is not null)
                {
                    configuration.AddInMemoryCollection(settings);
                }
            });
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTime(StartedAt)));
        });

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
