using Microsoft.AspNetCore.Diagnostics;

namespace Gangway.Server.Errors;

/// <summary>
/// Answers a <see cref="GangwayException"/> that leaves an endpoint with the problem <see cref="ProblemMap"/> gives for
/// its kind, the exception's message as the detail (messages are written for people). Any other exception is left to
/// the default handler: a 500 problem without exception text.
/// </summary>
internal sealed class GangwayExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not GangwayException gangway)
        {
            return false;
        }

        var kind = ProblemMap.For(gangway.Kind);
        httpContext.Response.StatusCode = kind.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = kind.Status, Type = kind.Type, Title = kind.Title, Detail = gangway.Message },
        }).ConfigureAwait(false);
    }
}
