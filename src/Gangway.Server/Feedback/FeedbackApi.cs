using Gangway.Feedback;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Feedback;

/// <summary>
/// <c>POST /feedback</c>: outcomes and rewards for logged predictions, by prediction id or business key, recorded in the
/// service's store through <see cref="FeedbackRecorder"/>. When <see cref="ServerOptions.AdminApiKey"/> is set, it needs
/// that key in <c>X-Api-Key</c> like the admin endpoints; without a key it is open, as <c>/predict</c> is.
/// </summary>
public static class FeedbackApi
{
    /// <summary>The path of the endpoint (guarded by the API key check when a key is set).</summary>
    public const string Path = "/feedback";

    /// <summary>The source recorded with every piece of feedback given through the endpoint.</summary>
    public const string Source = "api";

    /// <summary>Maps <c>POST /feedback</c>.</summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Looked up per request: with a deployment the variants are loaded at start and may change while serving.
        var variants = app.ServiceProvider.GetRequiredService<ModelVariants>();
        var stores = app.ServiceProvider.GetRequiredService<ModelStores>();
        var options = app.ServiceProvider.GetRequiredService<IOptions<ServerOptions>>();
        var time = app.ServiceProvider.GetRequiredService<TimeProvider>();
        app.MapPost(Path, (HttpRequest request, CancellationToken cancellationToken) => RecordAsync(request, variants, stores, options.Value, time, cancellationToken))
            .WithName("Feedback")
            .WithSummary("Record true labels and rewards for logged predictions, by prediction id or business key.")
            .WithDescription(
                "The body is a JSON array of feedback objects or one object: {\"prediction_id\": \"...\", \"label\": \"1\"}, {\"prediction_id\": \"...\", \"reward\": 1.0}, both, "
                + "or {\"key\": {\"PassengerId\": 892}, \"label\": \"1\"} (the latest prediction for that key). Answers the counts accepted, unknown, duplicate (last write wins) "
                + "and late (older than Gangway:LogRetention). Any invalid record refuses the whole request with 400 naming the record and field; nothing is recorded. "
                + "Needs X-Api-Key when Gangway:AdminApiKey is set. See docs/deployments.md.")
            .Produces<FeedbackAnswer>()
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unauthorized))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.TooLarge))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.UnsupportedFormat))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unavailable));
        return app;
    }

    internal static async Task<Results<Ok<FeedbackAnswer>, ProblemHttpResult>> RecordAsync(
        HttpRequest request, ModelVariants variants, ModelStores stores, ServerOptions settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (variants.Current?.Champion is not { IsReady: true } model)
        {
            return Problems.NotReady();
        }

        var served = model.Current;
        IReadOnlyList<FeedbackInput> inputs;
        List<FeedbackError> errors;
        try
        {
            if (RequestBody.IsCsv(request))
            {
                return ProblemMap.Problem(ErrorKind.UnsupportedFormat, "Send feedback as application/json; CSV outcomes are imported with 'gangway feedback import'.");
            }

            using var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            (inputs, var bodyErrors) = FeedbackBody.Read(body.Memory, settings);
            errors = [.. bodyErrors];
        }
        catch (GangwayException ex) when (ex.Kind is ErrorKind.Unreadable or ErrorKind.TooLarge or ErrorKind.UnsupportedFormat)
        {
            return ProblemMap.Problem(ex);
        }

        var name = ServedClasses.ModelName(served);
        var options = new FeedbackOptions
        {
            Source = Source,
            Model = name,
            Retention = Durations.Parse(settings.LogRetention, "Gangway:LogRetention"),
            ClassLabels = ServedClasses.Of(served) is { } classes
                ? new Dictionary<string, IReadOnlyList<string>> { [name] = classes, [served.Bundle.Name] = classes }
                : null,
            Time = time,
        };

        // Validate everything first: one invalid record refuses the request, so a client's retry cannot record twice.
        var failed = new HashSet<int>(errors.Select(e => e.Index));
        errors.AddRange(FeedbackRecorder.Validate(inputs, options).Where(e => !failed.Contains(e.Index)));
        if (errors.Count > 0)
        {
            var sorted = errors.OrderBy(e => e.Index).ToList();
            return ProblemMap.Problem(
                ErrorKind.InvalidInput,
                $"{sorted.Select(e => e.Index).Distinct().Count()} feedback record(s) are invalid; nothing was recorded. {FeedbackBody.Describe(sorted[0])}",
                "Some feedback is invalid.",
                new Dictionary<string, object?> { ["errors"] = sorted.Select(Problem).ToList() });
        }

        FeedbackSummary summary;
        try
        {
            var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                summary = await FeedbackRecorder.RecordAsync(store, inputs, options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (GangwayException ex)
        {
            return ProblemMap.Problem(ErrorKind.Unavailable, $"Feedback could not be recorded: {ex.Message}", "The store is not available.");
        }

        return TypedResults.Ok(new FeedbackAnswer(summary.Accepted, summary.Unknown, summary.Duplicate, summary.Late, [.. summary.Errors.Select(Problem)]));
    }

    private static FeedbackProblem Problem(FeedbackError error) => new(error.Index, error.Field, FeedbackBody.Describe(error));
}
