namespace Gangway.Server.Serving;

/// <summary>
/// The <c>X-Gangway-Model</c> response header: which model answered, as its registered version and bundle hash
/// (<see cref="Served.Header"/>). Set by every endpoint that answers with or about the model.
/// </summary>
internal static class ModelHeader
{
    public const string Name = "X-Gangway-Model";

    /// <summary>Names <paramref name="served"/> in the response; the value is built once per model, so this allocates nothing.</summary>
    public static void Set(HttpResponse response, Served served) => response.Headers[Name] = served.Header;
}
