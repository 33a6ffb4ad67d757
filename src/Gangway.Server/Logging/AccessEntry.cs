using Gangway.Server.Serving;

namespace Gangway.Server.Logging;

/// <summary>
/// One answered request as the access log writes it. Built on the request thread (cheap: references and numbers only)
/// and formatted later by the access log's writer.
/// </summary>
/// <param name="Time">When the answer was finished.</param>
/// <param name="RequestId">The request id echoed in <c>X-Request-Id</c>.</param>
/// <param name="Method">The request method.</param>
/// <param name="Route">The route pattern that answered (never the path), or <c>(unmatched)</c>.</param>
/// <param name="Status">The status code answered.</param>
/// <param name="ElapsedMs">Time to answer, in milliseconds.</param>
/// <param name="Model">The model served when the answer was finished, or null before one is loaded.</param>
internal readonly record struct AccessEntry(
    DateTimeOffset Time,
    string RequestId,
    string Method,
    string Route,
    int Status,
    double ElapsedMs,
    Served? Model)
{
    /// <summary>
    /// Writes the named fields that follow the fixed ones (time, method, route, status, latency) in both formats: a field
    /// added here appears as <c>name=value</c> in text and as <c>"name": value</c> in JSON.
    /// </summary>
    public void WriteDetails(IAccessFields fields)
    {
        fields.Add("request_id", RequestId);
        fields.Add("model", Model?.Bundle.Name);
        fields.Add("version", Model?.Version);
        fields.Add("registered", Model?.Registered);
    }
}

/// <summary>Receives the named fields of an <see cref="AccessEntry"/>, one format per implementation.</summary>
internal interface IAccessFields
{
    /// <summary>A text field; null is written as <c>-</c> in text and <c>null</c> in JSON.</summary>
    void Add(string name, string? value);

    /// <summary>A whole-number field.</summary>
    void Add(string name, long value);
}
