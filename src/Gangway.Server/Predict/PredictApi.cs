using System.Diagnostics;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Models;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Predict;

/// <summary><c>POST /predict</c>: score records with the loaded model.</summary>
public static class PredictApi
{
    /// <summary>Maps <c>POST /predict</c>.</summary>
    public static IEndpointRouteBuilder MapPredictApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The singletons are taken once here, not from each request's services: the hot path then never creates a
        // request scope.
        var variants = app.ServiceProvider.GetRequiredService<ModelVariants>();
        var metrics = app.ServiceProvider.GetRequiredService<ServiceMetrics>();
        var options = app.ServiceProvider.GetRequiredService<IOptions<ServerOptions>>();
        var time = app.ServiceProvider.GetRequiredService<TimeProvider>();
        var answers = app.ServiceProvider.GetRequiredService<AnswerLog>();
        app.MapPost("/predict", (HttpRequest request, CancellationToken cancellationToken) => PredictAsync(request, variants, metrics, options, time, answers, cancellationToken))
            .WithName("Predict")
            .WithSummary("Score records with the loaded model.")
            .WithDescription("The body is a JSON array of records, a single record object, a pandas DataFrame.to_json() body (orient 'columns', 'split' or 'records'), or text/csv with a header row. See docs/service.md.")
            // No Accepts metadata: routing would then answer a 415 of its own, without saying what is accepted. The
            // handler checks the content type (RequestBody.IsCsv) and ApiDocument describes the body.
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.TooLarge))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.UnsupportedFormat))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.ContractViolation))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unavailable))
            .AddOpenApiOperationTransformer(ApiDocument.DescribePredict);
        return app;
    }

    internal static async Task<Results<PredictionsResult, ProblemHttpResult>> PredictAsync(
        HttpRequest request, ModelVariants variants, ServiceMetrics metrics, IOptions<ServerOptions> options, TimeProvider time, AnswerLog answers, CancellationToken cancellationToken)
    {
        var set = variants.Current;
        if (set?.Route(request) is not { IsReady: true } model)
        {
            return Problems.NotReady();
        }

        var served = model.Current;
        ModelHeader.Set(request.HttpContext.Response, served);
        var settings = options.Value;
        try
        {
            var csv = RequestBody.IsCsv(request);
            using var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            var (started, now) = (Stopwatch.GetTimestamp(), time.GetUtcNow());
            var (response, errors) = set.RoutingField is null
                ? Predictor.Predict(body.Memory, csv, served, settings, now)
                : FieldRoutedPredictor.Predict(body.Memory, csv, set, settings, now);
            if (response is not null && !ReferenceEquals(response.Served, served))
            {
                ModelHeader.Set(request.HttpContext.Response, response.Served);
            }

            metrics.RecordPredictions(served, response, errors);
            if (response is null)
            {
                return Problems.InvalidRecords(errors);
            }

            answers.Predicted(request.HttpContext, response, now, started);
            return response;
        }
        catch (GangwayException ex) when (ex.Kind is ErrorKind.Unreadable or ErrorKind.TooLarge or ErrorKind.UnsupportedFormat)
        {
            // Answered here rather than by the exception handler, which clears the response: the problem still names the model.
            return ProblemMap.Problem(ex);
        }
    }
}
