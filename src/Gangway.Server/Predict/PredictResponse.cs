using System.Text.Json.Serialization;
using Gangway.Server.Serving;

namespace Gangway.Server.Predict;

/// <summary>The answer of <c>POST /predict</c>: the model that answered and one prediction per record, in request order.</summary>
/// <param name="Model">The model's name and version.</param>
/// <param name="Predictions">Per record: its id columns (when the model has any), <c>prediction_id</c> (to join an outcome to it later), <c>prediction</c> and <c>probability</c> (of the positive class), and with a deployment the <c>variant</c> that answered it.</param>
public sealed record PredictResponse(ModelReference Model, IReadOnlyList<IReadOnlyDictionary<string, object?>> Predictions);

/// <summary>Which model answered.</summary>
/// <param name="Name">The model's name from its spec.</param>
/// <param name="Version">The first 12 hex digits of the bundle file's SHA-256.</param>
/// <param name="Registered">The registered version (e.g. <c>titanic:3</c>), or null for a bundle file served directly.</param>
/// <param name="Variant">
/// The deployment variant that answered the whole request; absent without a deployment, and when a batch routed by a
/// record field was split across variants (each record then names its own).
/// </param>
public sealed record ModelReference(
    string Name,
    string Version,
    string? Registered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant = null)
{
    internal static ModelReference Of(Served served, bool split = false) => new(served.Bundle.Name, served.Version, served.Registered, split ? null : served.Variant);
}
