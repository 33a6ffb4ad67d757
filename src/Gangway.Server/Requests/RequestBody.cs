using Microsoft.Net.Http.Headers;

namespace Gangway.Server.Requests;

/// <summary>Reads a request body within the size limit and tells JSON from CSV by its media type.</summary>
internal static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw RequestRejectedException.TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw RequestRejectedException.TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw RequestRejectedException.TooLarge(limit);
        }
        catch (BadHttpRequestException)
        {
            throw RequestRejectedException.Unreadable("The request body could not be read completely.");
        }

        if (buffer.Length == 0)
        {
            throw RequestRejectedException.Unreadable("The request body is empty; send a JSON array of records, a record object, a pandas DataFrame.to_json() object or CSV with a header row.");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Whether the body is CSV (<c>text/csv</c>); JSON otherwise (<c>application/json</c>, <c>+json</c>, or no content type, as Python's requests sends).</summary>
    public static bool IsCsv(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            throw Unsupported(request.ContentType);
        }

        if (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw Unsupported(request.ContentType);
    }

    private static RequestRejectedException Unsupported(string contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        "The content type is not supported.",
        $"Send the records as application/json or text/csv; the request says '{(contentType.Length > 100 ? contentType[..100] : contentType)}'.");
}
