using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Models;

/// <summary>
/// <c>GET /models</c>: what the loaded model is, where it came from and how its last refresh went; with a deployment,
/// one entry per variant (with its weight) and then per shadow, the champion first among the variants' order as deployed.
/// </summary>
public static class ModelsApi
{
    /// <summary>Maps <c>GET /models</c>.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/models", List)
            .WithSummary("The loaded model (with a deployment: each variant, with its weight, and each shadow): name, version, manifest, input schema, contract columns, metrics, lineage, when it was loaded, its registry source and the last refresh.");
        return app;
    }

    internal static Ok<IReadOnlyList<ModelDescription>> List(ModelVariants variants, HttpResponse response)
    {
        if (variants.Current is not { } set || !variants.AllReady)
        {
            return TypedResults.Ok<IReadOnlyList<ModelDescription>>([]);
        }

        ModelHeader.Set(response, set.Champion.Current);
        var deployment = set.Deployment;
        IReadOnlyList<ModelDescription> described = deployment is null
            ? [Describe(set.Champion, null, null)]
            : [.. deployment.Variants.Select((v, i) => Describe(set.Routed[i], v.Weight, VariantRoles.Variant)),
                .. set.Shadows.Select(s => Describe(s, null, VariantRoles.Shadow))];
        return TypedResults.Ok(described);
    }

    private static ModelDescription Describe(LoadedModel model, double? weight, string? role)
    {
        var served = model.Current;
        var bundle = served.Bundle;
        var manifest = bundle.Manifest;
        var refresh = model.LastRefresh;
        return new ModelDescription(
            bundle.Name,
            served.Version,
            served.Registered,
            manifest.CreatedUtc,
            manifest.GangwayVersion,
            manifest.FormatVersion,
            served.LoadedAt,
            JsonNode.Parse(bundle.Schema.ToJson())!,
            served.Contract?.Columns.Select(c => c.Name).ToList(),
            bundle.Metrics,
            JsonNode.Parse(bundle.Lineage.ToJson())!,
            served.Source,
            refresh?.At,
            refresh?.Error)
        {
            Variant = served.Variant,
            Role = role,
            Weight = weight,
        };
    }
}

/// <summary>What a model does in a deployment (<see cref="ModelDescription.Role"/>).</summary>
public static class VariantRoles
{
    /// <summary>It answers the requests routed to it.</summary>
    public const string Variant = "variant";

    /// <summary>It scores records off the hot path and never answers.</summary>
    public const string Shadow = "shadow";
}

/// <summary>One model as <c>GET /models</c> describes it.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The first 12 hex digits of the bundle file's SHA-256.</param>
/// <param name="Registered">The registered version (e.g. <c>titanic:3</c>), or null for a bundle file served directly.</param>
/// <param name="CreatedUtc">When the bundle was made.</param>
/// <param name="GangwayVersion">The Gangway version that made it.</param>
/// <param name="FormatVersion">The bundle format version.</param>
/// <param name="LoadedSince">When this service loaded it.</param>
/// <param name="Schema">The input schema: columns with type and role, target, positive class.</param>
/// <param name="ContractColumns">The input columns the data contract checks, or null without a contract.</param>
/// <param name="Metrics">The training metrics.</param>
/// <param name="Lineage">Where the model came from: data and spec hashes, seed, git commit.</param>
/// <param name="Source">The registry reference, registered version and run id it was resolved to; null for a bundle file.</param>
/// <param name="LastRefresh">When the model setting was last resolved (at start, then by each refresh).</param>
/// <param name="LastError">Why the last refresh failed (the previous model kept serving), or null when it succeeded.</param>
public sealed record ModelDescription(
    string Name,
    string Version,
    string? Registered,
    DateTimeOffset CreatedUtc,
    string GangwayVersion,
    int FormatVersion,
    DateTimeOffset LoadedSince,
    JsonNode Schema,
    IReadOnlyList<string>? ContractColumns,
    JsonObject Metrics,
    JsonNode Lineage,
    [property: JsonPropertyName("source")] RegistrySource? Source,
    DateTimeOffset? LastRefresh,
    string? LastError)
{
    /// <summary>The deployment variant or shadow this model serves as; absent without a deployment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variant { get; init; }

    /// <summary><see cref="VariantRoles.Variant"/> or <see cref="VariantRoles.Shadow"/>; absent without a deployment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    /// <summary>A variant's weight in the deployment; absent for a shadow and without a deployment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Weight { get; init; }
}
