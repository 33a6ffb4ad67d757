using System.Globalization;
using System.Text;
using Gangway.Hosting;
using Gangway.PredictionLog;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Serving;
using Gangway.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>A service with the prediction log on, over one of <see cref="TwoModels"/>' bundles, optionally with shadow models.</summary>
internal sealed class LoggingServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<ServerOptions> _factory;

    private LoggingServer(WebApplicationFactory<ServerOptions> factory)
    {
        _factory = factory;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }

    /// <summary>Serves <paramref name="model"/> (a bundle path) with the settings given (the log in the store unless they say otherwise); each shadow is a name and a bundle path, loaded before the service starts.</summary>
    public static LoggingServer Start(string model, IDictionary<string, string?> settings, params (string Name, string Model)[] shadows)
    {
        var logged = new Dictionary<string, string?>(settings);
        logged.TryAdd("Gangway:PredictionLog", "store");
        var factory = TwoModels.Serve(model, logged).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton(provider =>
            {
                var configured = ModelVariants.Configure(provider);
                return new ModelVariants(configured.All, [.. shadows.Select(s => LoadShadow(provider, s.Name, s.Model))]);
            })));
        return new LoggingServer(factory);
    }

    /// <summary>Posts <paramref name="body"/> as JSON with a request id; asserts a 200 and returns the answer's text.</summary>
    public async Task<string> PostAsync(string path, string body, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    public async Task<double> MetricAsync(string name, params (string Label, string Value)[] labels) =>
        PrometheusText.Value(await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), name, labels);

    /// <summary>Waits (up to 30 s) until the metric reaches <paramref name="least"/>; returns its value.</summary>
    public async Task<double> WaitForAsync(string name, double least, params (string Label, string Value)[] labels)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double value;
        while ((value = await MetricAsync(name, labels)) < least)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} stayed at {value.ToString(CultureInfo.InvariantCulture)}, below {least.ToString(CultureInfo.InvariantCulture)}.");
            await Task.Delay(50);
        }

        return value;
    }

    /// <summary>Every record of the store's prediction log, oldest first.</summary>
    public static async Task<List<PredictionRecord>> ReadLogAsync(string store)
    {
        await using var opened = await TwoModels.OpenAsync(store);
        return await opened.PredictionLog.ReadAsync(new PredictionQuery(), CancellationToken.None).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private static LoadedModel LoadShadow(IServiceProvider provider, string name, string model)
    {
        var shadow = new LoadedModel(
            name,
            new ModelSourceResolver(model, provider.GetRequiredService<ModelStores>()),
            provider.GetRequiredService<ServiceMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<LoadedModel>>(),
            provider.GetRequiredService<GangwayCatalog>());
        // The deployment's loading of shadows starts them with the variants; here the test loads them itself.
        shadow.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return shadow;
    }
}
