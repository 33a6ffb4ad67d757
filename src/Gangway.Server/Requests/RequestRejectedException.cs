namespace Gangway.Server.Requests;

/// <summary>A request the service cannot read at all (400), that is too large (413) or of the wrong media type (415).</summary>
internal sealed class RequestRejectedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public static RequestRejectedException Unreadable(string detail) => new(StatusCodes.Status400BadRequest, "The request body cannot be read.", detail);

    public static RequestRejectedException TooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        "The request body is too large.",
        $"The body must be at most {limit} bytes (Gangway:MaxBodyBytes); send fewer records per request.");
}
