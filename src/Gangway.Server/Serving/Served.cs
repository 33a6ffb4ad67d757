using System.Text.Json;
using Gangway.Schema;
using Gangway.Server.Records;
using Gangway.Upsell;
using Microsoft.Extensions.Primitives;

namespace Gangway.Server.Serving;

/// <summary>
/// A loaded model with what each request needs, prepared once: the bundle and its contract check, and its add-ons (the
/// upsell calculator, the one-record scorer, the header and metric labels). Immutable; a refresh replaces it whole.
/// </summary>
/// <param name="Bundle">The bundle.</param>
/// <param name="Version">The first 12 hex digits of the bundle file's SHA-256: changes whenever the file does.</param>
/// <param name="LoadedAt">When the model was loaded.</param>
/// <param name="Contract">The data contract restricted to the model's input columns, or null.</param>
/// <param name="Check">The contract check of <paramref name="Contract"/>, or null.</param>
/// <param name="Mask">What is hidden of <paramref name="Contract"/>'s personal-data columns in problems.</param>
/// <param name="Schema">The request-side view of the input schema.</param>
/// <param name="Upsell">The upsell calculator, built once at load; null when the model cannot recommend upgrades.</param>
/// <param name="NoUpsellReason">Why <paramref name="Upsell"/> is null, or null.</param>
/// <param name="Source">The registry version it was resolved to, or null for a bundle file (see <see cref="Served.Registered"/>).</param>
/// <param name="Rows">The one-record scorer of <c>POST /predict</c>'s fast path, or null when the model has no row form.</param>
/// <param name="Variant">The deployment variant (or shadow) this model serves as, or null when the service serves no deployment.</param>
internal sealed record Served(
    Gangway.Bundles.ModelBundle Bundle,
    string Version,
    DateTimeOffset LoadedAt,
    DataSchema? Contract,
    Gangway.Scoring.ContractCheck? Check,
    Gangway.Scoring.PersonalDataMask Mask,
    RequestSchema Schema,
    UpsellCalculator? Upsell,
    string? NoUpsellReason,
    RegistrySource? Source,
    Gangway.Scoring.RowScorer? Rows,
    string? Variant = null)
{
    /// <summary>The SHA-256 of the bundle file in hex (what the prediction log records); <see cref="Version"/> is its start.</summary>
    public string BundleHash { get; init; } = Version;

    /// <summary>What log lines and metric labels say for <see cref="Registered"/> when the model is a bundle file served directly.</summary>
    public const string NotRegistered = "none";

    /// <summary>The registered version, e.g. <c>titanic:3</c>; null for a bundle file served directly, which only <see cref="Version"/> (its hash) names.</summary>
    public string? Registered => Source?.Registered;

    /// <summary><see cref="Registered"/>, or <see cref="NotRegistered"/>: for log lines and metric labels.</summary>
    public string RegisteredLabel => Source?.Registered ?? NotRegistered;

    /// <summary>
    /// The <c>X-Gangway-Model</c> header of every answer about this model, built once: <c>titanic:3; bundle=ad7324b271dd</c>,
    /// or the model's name without a version (<c>titanic; bundle=ad7324b271dd</c>) for a bundle file served directly; a
    /// deployment's variant adds its name (<c>titanic:3; bundle=ad7324b271dd (challenger)</c>).
    /// </summary>
    public StringValues Header { get; } = new($"{Source?.Registered ?? Bundle.Name}; bundle={Version}{(Variant is null ? "" : $" ({Variant})")}");

    /// <summary>The <c>variant</c> label of metrics: <see cref="Variant"/>, or <see cref="ModelVariants.DefaultName"/> without a deployment.</summary>
    public string VariantLabel => Variant ?? ModelVariants.DefaultName;

    /// <summary><see cref="Variant"/>, encoded for a JSON writer once; null without a deployment.</summary>
    public JsonEncodedText? EncodedVariant { get; } = Variant is null ? null : JsonEncodedText.Encode(Variant);

    /// <summary>The model's name, encoded for a JSON writer once.</summary>
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(Bundle.Name);

    /// <summary><see cref="Version"/>, encoded for a JSON writer once.</summary>
    public JsonEncodedText EncodedVersion { get; } = JsonEncodedText.Encode(Version);

    /// <summary><see cref="Registered"/>, encoded for a JSON writer once; null for a bundle file.</summary>
    public JsonEncodedText? EncodedRegistered { get; } = Source is null ? null : JsonEncodedText.Encode(Source.Registered);
}
