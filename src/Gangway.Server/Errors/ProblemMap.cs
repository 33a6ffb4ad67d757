using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Errors;

/// <summary>
/// The one translation from an <see cref="ErrorKind"/> to HTTP: status, problem type URI and title (RFC 9457). Every
/// problem the service answers, thrown or returned, takes its status from here.
/// </summary>
public static class ProblemMap
{
    /// <summary>The status, type and title of problems of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static ProblemKind For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => new(StatusCodes.Status400BadRequest, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "Invalid request."),
        ErrorKind.Unreadable => new(StatusCodes.Status400BadRequest, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "The request body cannot be read."),
        ErrorKind.Unauthorized => new(StatusCodes.Status401Unauthorized, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized."),
        ErrorKind.NotFound => new(StatusCodes.Status404NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not found."),
        ErrorKind.Conflict => new(StatusCodes.Status409Conflict, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict."),
        ErrorKind.TooLarge => new(StatusCodes.Status413PayloadTooLarge, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The request body is too large."),
        ErrorKind.UnsupportedFormat => new(StatusCodes.Status415UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "The content type is not supported."),
        ErrorKind.ContractViolation => new(StatusCodes.Status422UnprocessableEntity, "https://tools.ietf.org/html/rfc4918#section-11.2", "Some records are invalid."),
        ErrorKind.CorruptArtifact => new(StatusCodes.Status500InternalServerError, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "A stored model is corrupt."),
        ErrorKind.InvalidConfiguration => new(StatusCodes.Status503ServiceUnavailable, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "The service is not configured correctly."),
        ErrorKind.Unavailable => new(StatusCodes.Status503ServiceUnavailable, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Not available."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an error kind."),
    };

    /// <summary>The status of problems of <paramref name="kind"/>, e.g. for an endpoint's OpenAPI metadata.</summary>
    public static int StatusOf(ErrorKind kind) => For(kind).Status;

    /// <summary>A problem of <paramref name="kind"/> as a typed result.</summary>
    /// <param name="kind">What went wrong; gives the status, type and default title.</param>
    /// <param name="detail">What went wrong in this request, for people.</param>
    /// <param name="title">A title more precise than the kind's, or null for the kind's.</param>
    /// <param name="extensions">Members added to the problem (e.g. <c>errors</c>), or null.</param>
    public static ProblemHttpResult Problem(ErrorKind kind, string? detail, string? title = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = For(kind);
        return TypedResults.Problem(detail, statusCode: problem.Status, title: title ?? problem.Title, type: problem.Type, extensions: extensions);
    }

    /// <summary>The problem for <paramref name="exception"/>: its kind's status, type and title, its message as the detail.</summary>
    public static ProblemHttpResult Problem(GangwayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Problem(exception.Kind, exception.Message);
    }
}

/// <summary>How problems of one <see cref="ErrorKind"/> are answered.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Type">The problem type URI (the RFC section of the status, as ASP.NET Core writes by default).</param>
/// <param name="Title">The title, a short sentence the same for every problem of the kind.</param>
public sealed record ProblemKind(int Status, string Type, string Title);
