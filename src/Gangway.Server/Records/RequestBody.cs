using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace Gangway.Server.Records;

/// <summary>Reads a request body within the size limit and tells JSON from CSV by its media type.</summary>
internal static class RequestBody
{
    private const int FirstBufferBytes = 4 * 1024;

    /// <summary>The whole body in a pooled buffer; dispose the result to give the buffer back.</summary>
    public static async Task<PooledBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // One byte more than a declared length: reading it tells the body is complete without another buffer.
        var size = (int)Math.Min(request.ContentLength + 1 ?? FirstBufferBytes, Math.Min(limit + 1, Array.MaxLength));
        var body = new PooledBody(ArrayPool<byte>.Shared.Rent(Math.Max(size, 1)));
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.Free, cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Advance(read);
                if (body.Length > limit)
                {
                    throw TooLarge(limit);
                }

                if (body.Free.Length == 0)
                {
                    body.Grow(limit);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body.Dispose();
            throw TooLarge(limit);
        }
        catch (BadHttpRequestException)
        {
            body.Dispose();
            throw new GangwayException(ErrorKind.Unreadable, "The request body could not be read completely.");
        }
        catch
        {
            body.Dispose();
            throw;
        }

        if (body.Length == 0)
        {
            body.Dispose();
            throw new GangwayException(ErrorKind.Unreadable, "The request body is empty; send a JSON array of records, a record object, a pandas DataFrame.to_json() object or CSV with a header row.");
        }

        return body;
    }

    /// <summary>Whether the body is CSV (<c>text/csv</c>); JSON otherwise (<c>application/json</c>, <c>+json</c>, or no content type, as Python's requests sends).</summary>
    public static bool IsCsv(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType) || request.ContentType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
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

    private static GangwayException TooLarge(long limit) => new(
        ErrorKind.TooLarge,
        $"The body must be at most {limit} bytes (Gangway:MaxBodyBytes); send fewer records per request.");

    private static GangwayException Unsupported(string contentType) => new(
        ErrorKind.UnsupportedFormat,
        $"Send the records as application/json or text/csv; the request says '{(contentType.Length > 100 ? contentType[..100] : contentType)}'.");
}
