using Gangway.Hosting;
using Gangway.Server.Admin;
using Gangway.Server.Errors;
using Gangway.Server.Feedback;
using Gangway.Server.Health;
using Gangway.Server.Hosting;
using Gangway.Server.Logging;
using Gangway.Server.Metrics;
using Gangway.Server.Models;
using Gangway.Server.Monitoring;
using Gangway.Server.Predict;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Serving;
using Gangway.Server.Upsell;
using Gangway.Stores;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;
using Scalar.AspNetCore;

namespace Gangway.Server;

/// <summary>
/// Builds the prediction service: the same app whether started by <c>gangway serve</c>, by <c>dotnet run</c> on this
/// project, or by tests. Settings come from the <c>Gangway</c> configuration section (see <see cref="ServerOptions"/>)
/// and are checked when the app starts.
/// </summary>
public static class GangwayServer
{
    /// <summary>Builds the app; call <c>RunAsync</c> on the result to serve.</summary>
    /// <param name="args">Host arguments, e.g. <c>--urls http://127.0.0.1:8080</c> or <c>--Gangway:Model titanic.gwb</c>.</param>
    /// <param name="model">The model bundle to serve; overrides configuration when given.</param>
    /// <param name="maxBodyBytes">The request body limit in bytes; overrides configuration when given.</param>
    /// <param name="stores">
    /// The store kinds the host knows, to serve registry references (<c>titanic@champion</c>) and for the admin
    /// endpoints; registered as a service. Without it only bundle files can be served.
    /// </param>
    /// <param name="accessLog">Where access lines go (one per request); default standard error, like the other logs.</param>
    public static WebApplication Build(string[] args, string? model = null, long? maxBodyBytes = null, StoreCatalog? stores = null, TextWriter? accessLog = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var overrides = new Dictionary<string, string?>();
        if (model is not null)
        {
            overrides[$"{ServerOptions.Section}:{nameof(ServerOptions.Model)}"] = model;
        }

        if (maxBodyBytes is not null)
        {
            overrides[$"{ServerOptions.Section}:{nameof(ServerOptions.MaxBodyBytes)}"] = maxBodyBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        if (stores is not null)
        {
            builder.Services.AddSingleton(stores);
        }

        if (accessLog is not null)
        {
            builder.Services.AddSingleton(new AccessLogOutput(accessLog));
        }

        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// Registers the service's options, model, registry following, health checks, problem details and OpenAPI document.
    /// Store kinds are not chosen here: the host registers a <see cref="StoreCatalog"/> singleton to serve registry references.
    /// A host with custom steps registers its <see cref="GangwayCatalog"/> singleton first; otherwise the built-ins load models.
    /// </summary>
    public static IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((kestrel, gangway) =>
            kestrel.Limits.MaxRequestBodySize = gangway.Value.MaxBodyBytes);
        HostLogging.AddServiceLogging(services, configuration);
        services.AddSingleton<ServiceMetrics>();
        services.TryAddSingleton(new AccessLogOutput(Console.Error));
        services.AddSingleton<AccessLog>();
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(GangwayCatalog.BuiltIn);
        services.AddSingleton<ModelStores>();
        services.AddSingleton(ModelVariants.Configure);
        services.AddHostedService(provider => provider.GetRequiredService<ModelVariants>());
        // What answers about "the model" (admin, version) answers about the default variant: with a deployment, the
        // champion when first asked (home and /models ask ModelVariants each time).
        services.AddSingleton(provider => provider.GetRequiredService<ModelVariants>().Default);
        services.AddHostedService<AliasFollower>();
        services.AddHostedService<DeploymentFollower>();
        AddPredictionLog(services);
        AddMonitoring(services);
        services.AddSingleton<OnlineGauges>();
        services.AddSingleton<OnlineReports>();
        services.AddSingleton<OnlineMetricsLoop>();
        services.AddHostedService(provider => provider.GetRequiredService<OnlineMetricsLoop>());
        services.AddHealthChecks().AddCheck<ModelReadyCheck>("model", tags: [HealthApi.ReadyTag]);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Problems.Complete);
        services.AddExceptionHandler<GangwayExceptionHandler>();
        services.AddApiDocument();
        return services;
    }

    // After the models: a model that cannot load stops the start first. Stopped in reverse order: shadows finish, then
    // the log drains; both after the server stopped taking requests.
    private static void AddPredictionLog(IServiceCollection services)
    {
        services.AddSingleton<PredictionLogService>();
        services.AddHostedService(provider => provider.GetRequiredService<PredictionLogService>());
        services.AddSingleton<ShadowMetrics>();
        services.AddSingleton<ShadowScoring>();
        services.AddHostedService(provider => provider.GetRequiredService<ShadowScoring>());
        services.AddSingleton<AnswerLog>();
        services.AddSingleton<PredictionLogMetrics>();
        services.AddHostedService<LogRetentionService>();
    }

    // The lane shows every served answer to each IAnswerMonitor registered here, off the request path.
    private static void AddMonitoring(IServiceCollection services)
    {
        services.AddSingleton<MonitoringMetrics>();
        services.AddSingleton<QualityMetrics>();
        services.AddSingleton<QualityMonitor>();
        services.AddSingleton<IAnswerMonitor>(provider => provider.GetRequiredService<QualityMonitor>());
        services.AddSingleton<MonitoringLane>();
        services.AddHostedService(provider => provider.GetRequiredService<MonitoringLane>());
    }

    /// <summary>
    /// Maps every endpoint (<c>GET /</c> links the others), the Prometheus metrics (<c>/metrics</c>), the OpenAPI
    /// document (<c>/openapi/v1.json</c>) and the API page (<c>/scalar</c>), behind the access log and HTTP metrics; the
    /// admin endpoints only when <c>Gangway:AdminApiKey</c> is set, which then also guards <c>POST /feedback</c>.
    /// </summary>
    public static WebApplication MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.Services.GetRequiredService<ServiceMetrics>();
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<RequestMetrics>();
        // Problem details for anything unexpected, in every environment: never a stack trace or exception text.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.MapMetrics(RequestMetrics.MetricsPath, metrics.Registry);

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHomeApi();
        app.MapPredictApi();
        app.MapUpsellApi();
        app.MapHealthApi();
        app.MapModelsApi();
        app.MapOnlineApi();
        app.MapQualityApi();
        // The key check is added only with a key: without one, /feedback is open like /predict and the admin endpoints do not exist.
        if (app.Configuration[$"{ServerOptions.Section}:{nameof(ServerOptions.AdminApiKey)}"] is { Length: > 0 })
        {
            app.UseMiddleware<AdminKeyCheck>();
            app.MapAdminApi();
        }

        app.MapFeedbackApi();

        return app;
    }
}
