using Gangway.Server.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gangway.Server.Errors;

/// <summary>The service's recurring problems (a model still loading, records that break its contract) and the completion of the framework's own.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotReady() =>
        ProblemMap.Problem(ErrorKind.Unavailable, "The model is still loading; retry when /health/ready answers 200.", "Not ready.");

    /// <summary>
    /// Completes the problems ASP.NET Core writes without a detail: a 415 (routing or body binding refused the content
    /// type, e.g. an admin call sent as text/plain) names the content types accepted: the endpoint's when it is known,
    /// else JSON, the only body the framework binds in this service (/predict and /upsell read theirs and say so).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == ProblemMap.StatusOf(ErrorKind.UnsupportedFormat) && problem.Detail is null)
        {
            var accepted = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? ["application/json"];
            var given = context.HttpContext.Request.ContentType ?? "";
            problem.Detail = $"Send the body as {string.Join(" or ", accepted)}; the request says '{(given.Length > 100 ? given[..100] : given)}'.";
            problem.Extensions["accepted"] = accepted;
        }
    }

    public static ProblemHttpResult InvalidRecords(IReadOnlyList<RecordError> errors)
    {
        var records = errors.Where(e => e.Record is not null).Select(e => e.Record).Distinct().Count();
        var detail = records > 0
            ? $"{records} record(s) break the model's input contract; nothing was scored. {errors[0].Message}"
            : $"The request breaks the model's input contract; nothing was scored. {errors[0].Message}";
        return ProblemMap.Problem(ErrorKind.ContractViolation, detail, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }
}
