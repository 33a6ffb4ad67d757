using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Hosting;

/// <summary>
/// Lets a request through to the admin endpoints only with the configured <see cref="ServerOptions.AdminApiKey"/> in the
/// <c>X-Api-Key</c> header; otherwise answers 401. Keys are compared as SHA-256 digests in constant time, so neither the
/// content nor the length of the key leaks through timing.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<ServerOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var given = context.HttpContext.Request.Headers[Header];
        if (given.Count != 1 || !Matches(given[0] ?? "", options.Value.AdminApiKey))
        {
            return TypedResults.Problem(
                $"The admin endpoints need the admin key in the {Header} header.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized.");
        }

        return await next(context).ConfigureAwait(false);
    }

    internal static bool Matches(string given, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
