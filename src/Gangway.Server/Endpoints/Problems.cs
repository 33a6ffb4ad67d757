using Gangway.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Endpoints;

/// <summary>RFC 9457 problem details for records that break the model's contract.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotReady() =>
        TypedResults.Problem("The model is still loading; retry when /health/ready answers 200.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.");

    public static ProblemHttpResult InvalidRecords(IReadOnlyList<RecordError> errors)
    {
        var records = errors.Where(e => e.Record is not null).Select(e => e.Record).Distinct().Count();
        var detail = records > 0
            ? $"{records} record(s) break the model's input contract; nothing was scored. {errors[0].Message}"
            : $"The request breaks the model's input contract; nothing was scored. {errors[0].Message}";
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Some records are invalid.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }
}
