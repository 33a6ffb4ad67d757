using Gangway.Deployment;
using Gangway.Server.Hosting;

namespace Gangway.Server.Serving;

/// <summary>
/// Reads the deployment <see cref="ServerOptions.Deployment"/> names: a deployment file (<c>.yaml</c>/<c>.yml</c>), read
/// with <see cref="DeploymentSpecReader"/>, or the current revision of a deployed model in the store.
/// </summary>
internal sealed class DeploymentSource(string setting, ModelStores stores)
{
    /// <summary>The setting: a file path or a deployed model's name.</summary>
    public string Setting => setting;

    /// <summary>Whether <paramref name="setting"/> names a deployment file rather than a deployed model.</summary>
    public static bool IsFile(string setting) =>
        setting.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || setting.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The deployment now, with its revision in the store (null for a file).</summary>
    /// <exception cref="GangwayException">The file is not a valid deployment, the store cannot be opened, or the model has no deployment.</exception>
    public async Task<(DeploymentSpec Spec, int? Revision)> ReadAsync(CancellationToken cancellationToken)
    {
        if (IsFile(setting))
        {
            return (DeploymentSpecReader.ReadFile(setting), null);
        }

        await using var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        var revision = await store.Deployments.GetAsync(setting, cancellationToken).ConfigureAwait(false)
            ?? throw new GangwayException(
                ErrorKind.NotFound,
                $"Model '{setting}' has no deployment in store '{stores.DisplayUri}'; apply one with 'gangway deploy apply', or give a deployment file (.yaml).");
        return (revision.Spec, revision.Revision);
    }
}
