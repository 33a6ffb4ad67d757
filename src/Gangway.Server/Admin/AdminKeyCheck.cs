using System.Security.Cryptography;
using System.Text;
using Gangway.Server.Errors;
using Gangway.Server.Feedback;
using Gangway.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Admin;

/// <summary>
/// Lets a request under <see cref="AdminApi.Prefix"/> or <see cref="FeedbackApi.Path"/> through only with the configured
/// <see cref="ServerOptions.AdminApiKey"/> in the <c>X-Api-Key</c> header; otherwise answers 401, before anything reads
/// the body. So a request without the key gets 401 whatever its body or content type: an endpoint filter would run only
/// after the body was bound, and routing itself answers 415 for a content type an endpoint does not accept, which is
/// why the check goes by path rather than by endpoint. Keys are compared as SHA-256 digests in constant time, so neither
/// the content nor the length of the key leaks through timing.
/// </summary>
internal sealed class AdminKeyCheck(RequestDelegate next, IOptions<ServerOptions> options)
{
    public const string Header = "X-Api-Key";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(AdminApi.Prefix, StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments(FeedbackApi.Path, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var given = context.Request.Headers[Header];
        if (given.Count != 1 || !Matches(given[0] ?? "", options.Value.AdminApiKey))
        {
            return ProblemMap.Problem(ErrorKind.Unauthorized, $"The admin endpoints and {FeedbackApi.Path} need the API key (Gangway:AdminApiKey) in the {Header} header.").ExecuteAsync(context);
        }

        return next(context);
    }

    internal static bool Matches(string given, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
