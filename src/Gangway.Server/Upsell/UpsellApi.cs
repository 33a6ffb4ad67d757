using System.Diagnostics;
using System.Globalization;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Models;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Upsell;

/// <summary><c>POST /upsell</c>: for each record, the modelled probability in every higher tier and the recommended upgrade.</summary>
public static class UpsellApi
{
    /// <summary>Maps <c>POST /upsell</c>.</summary>
    public static IEndpointRouteBuilder MapUpsellApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/upsell", UpsellAsync)
            .WithName("Upsell")
            .WithSummary("Score records in their own tier and every higher tier, and recommend the upgrade with the largest gain.")
            .WithDescription("The body takes the same formats as /predict. The optional query parameter 'threshold' (0 to 1) is the smallest gain in probability to recommend; default the spec's upsell.threshold. See docs/service.md.")
            // No Accepts metadata: routing would then answer a 415 of its own, without saying what is accepted. The
            // handler checks the content type (RequestBody.IsCsv) and ApiDocument describes the body.
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.NotFound))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.TooLarge))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.UnsupportedFormat))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.ContractViolation))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unavailable))
            .AddOpenApiOperationTransformer(ApiDocument.DescribeUpsell);
        return app;
    }

    internal static async Task<Results<Ok<UpsellResponse>, ProblemHttpResult>> UpsellAsync(
        HttpRequest request, string? threshold, ModelVariants variants, ServiceMetrics metrics, IOptions<ServerOptions> options, TimeProvider time, AnswerLog answers, CancellationToken cancellationToken)
    {
        var set = variants.Current;
        if (set?.Route(request) is not { IsReady: true } model)
        {
            return Problems.NotReady();
        }

        var served = model.Current;
        ModelHeader.Set(request.HttpContext.Response, served);
        if (served.Upsell is not { } upsell)
        {
            return ProblemMap.Problem(ErrorKind.NotFound, served.NoUpsellReason, "This model has no upsell.");
        }

        if (!TryParseThreshold(threshold, out var limit))
        {
            return ProblemMap.Problem(
                ErrorKind.InvalidInput,
                $"The query parameter 'threshold' must be a gain in probability between 0 and 1 (e.g. 0.05); got '{threshold}'.",
                "Invalid threshold.");
        }

        try
        {
            var batch = await RecordRequest.ReadAsync(request, served, options.Value, cancellationToken).ConfigureAwait(false);
            var (started, now) = (Stopwatch.GetTimestamp(), time.GetUtcNow());
            if (set.RoutingField is not null)
            {
                return FieldRoutedUpseller.Upsell(request.HttpContext, batch, set, limit, metrics, answers, now, started);
            }

            var (results, errors) = Upseller.Evaluate(batch, served, upsell, limit);
            metrics.RecordUpsell(served, results, errors);
            if (results is null)
            {
                return Problems.InvalidRecords(errors);
            }

            var ids = PredictionIds.New(results.Count, now);
            answers.Upsold(request.HttpContext, served, batch.Table, ids, now, started);
            return TypedResults.Ok(Upseller.Answer(served, batch, results, ids));
        }
        catch (GangwayException ex) when (ex.Kind is ErrorKind.Unreadable or ErrorKind.TooLarge or ErrorKind.UnsupportedFormat)
        {
            // Answered here rather than by the exception handler, which clears the response: the problem still names the model.
            return ProblemMap.Problem(ex);
        }
    }

    private static bool TryParseThreshold(string? text, out double? threshold)
    {
        threshold = null;
        if (text is null)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value is >= 0 and <= 1)
        {
            threshold = value;
            return true;
        }

        return false;
    }
}
