using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Cli.Commands.Deploy;

/// <summary><c>gangway deploy</c>: which variants serve a model, stored so every replica follows the same one.</summary>
internal static class DeployCommand
{
    public static Command Create(CliHost host) => new("deploy", "Deployments: which registered versions serve a model, with what weights, shadows and sticky routing.")
    {
        DeployApplyCommand.Create(host),
        DeployShowCommand.Create(host),
        DeployHistoryCommand.Create(host),
    };

    /// <summary>The deployed model's name argument shared by <c>show</c> and <c>history</c>.</summary>
    public static Argument<string> ModelArgument() => new("model") { Description = "The deployed model's name (the deployment file's 'model')." };

    /// <summary>The current revision, or a clear error.</summary>
    public static async Task<DeploymentRevision> FindAsync(IStore store, string model, CancellationToken cancellationToken) =>
        await store.Deployments.GetAsync(model, cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no deployment in store '{store.DisplayUri}'; 'gangway deploy apply FILE' stores one.");

    /// <summary>A revision as JSON: who applied it when and why, and the deployment itself.</summary>
    public static JsonObject RevisionJson(DeploymentRevision revision) => new()
    {
        ["model"] = revision.Model,
        ["revision"] = revision.Revision,
        ["applied_at"] = StoreJson.Time(revision.AppliedAt),
        ["actor"] = revision.Actor,
        ["reason"] = revision.Reason,
        ["deployment"] = DeploymentSpecWriter.ToJsonObject(revision.Spec),
    };

    /// <summary>Each variant and shadow with the version it serves now.</summary>
    public static JsonArray ResolvedJson(IEnumerable<ResolvedVariant> resolved) => new([.. resolved.Select(r => (JsonNode)new JsonObject
    {
        ["name"] = r.Name,
        ["model"] = r.Reference.ToString(),
        ["version"] = r.Version.Version,
        ["weight"] = r.Weight,
        ["shadow"] = r.IsShadow,
    })]);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
