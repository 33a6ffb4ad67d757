using Gangway.Deployment;
using Gangway.Stores;
using Gangway.Tests.Stores;

namespace Gangway.Tests.Deployment;

public sealed class DeploymentApplierTests : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempStore _temp = new();

    private IStore Store => _temp.Store;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var run = await Store.Runs.CreateRunAsync(
                new NewRun("titanic", "", null, RunStatus.Finished, TempStore.StartedAt, TempStore.StartedAt, new Dictionary<string, string>(), new Dictionary<string, double>(), new Dictionary<string, string>(), null, [new RunArtifact(RunArtifact.ModelBundle, new byte[] { (byte)i })]),
                new Change("tests"), Ct);
            await Store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, new Change("tests"), Ct);
        }

        await Store.Registry.SetAliasAsync("titanic", "champion", 1, new Change("tests"), Ct);
        await Store.Registry.SetAliasAsync("titanic", "challenger", 2, new Change("tests"), Ct);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Apply_First_StoresRevisionOneResolvesEachVariantAndListsAllAsAdded()
    {
        var applied = await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("alice"), Ct);

        Assert.Null(applied.Previous);
        Assert.Equal((1, "alice"), (applied.Current.Revision, applied.Current.Actor));
        Assert.Equal([("champion", 1, false), ("challenger", 2, false), ("candidate", 3, true)], applied.Resolved.Select(r => (r.Name, r.Version.Version, r.IsShadow)));
        Assert.Equal(
            ["+ variants.champion: titanic@champion weight 80", "+ variants.challenger: titanic@challenger weight 20", "+ shadow.candidate: titanic:3", "+ sticky: field PassengerId", "+ champion: champion", "+ refresh: 5s"],
            applied.Changes.Select(c => c.ToString()));
        Assert.Equal(applied.Current, await Store.Deployments.GetAsync("titanic", Ct));
    }

    [Fact]
    public async Task Apply_NewWeight_IsTheOnlyChange()
    {
        await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("alice"), Ct);

        var applied = await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 30), new Change("bob"), Ct);

        Assert.Equal((1, 2), (applied.Previous!.Revision, applied.Current.Revision));
        Assert.Equal([new DeploymentChange("variants.challenger.weight", "20", "30")], applied.Changes);
        Assert.Equal("~ variants.challenger.weight: 20 -> 30", applied.Changes[0].ToString());
    }

    [Fact]
    public async Task Apply_SameDeploymentAgain_AddsNoRevision()
    {
        await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("alice"), Ct);

        var again = await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("bob"), Ct);

        Assert.True(again.Unchanged);
        Assert.Empty(again.Changes);
        Assert.Single(await Store.Deployments.HistoryAsync("titanic", Ct));
    }

    [Fact]
    public async Task Apply_VariantRemovedAndShadowDropped_SaysSo()
    {
        await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("alice"), Ct);
        var smaller = DeploymentSpecReader.Parse("model: titanic\nvariants: [{ name: champion, model: titanic@champion, weight: 80 }]\nsticky: { field: PassengerId }\n");

        var applied = await DeploymentApplier.ApplyAsync(Store, smaller, new Change("alice"), Ct);

        Assert.Equal(["- variants.challenger: titanic@challenger weight 20", "- shadow.candidate: titanic:3"], applied.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public async Task Apply_UnresolvableReferences_IsNotFoundNamingEachAndStoresNothing()
    {
        var spec = DeploymentSpecReader.Parse("""
            model: titanic
            variants:
              - { name: champion, model: titanic@champion, weight: 80 }
              - { name: challenger, model: titanic@staging, weight: 20 }
            shadow: [ { name: candidate, model: "titanic:9" } ]
            """);

        var ex = await Assert.ThrowsAsync<GangwayException>(() => DeploymentApplier.ApplyAsync(Store, spec, new Change("alice"), Ct));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal(
            $"Deployment of 'titanic' names models that do not resolve in store '{Store.DisplayUri}': "
            + $"variant 'challenger' (titanic@staging): Model 'titanic' has no alias 'staging' in store '{Store.DisplayUri}'; promote a version to it first; "
            + $"shadow 'candidate' (titanic:9): Model 'titanic' has no version 9 in store '{Store.DisplayUri}'.",
            ex.Message);
        Assert.Null(await Store.Deployments.GetAsync("titanic", Ct));
    }

    [Fact]
    public async Task Resolve_AliasMovedAfterApply_FollowsTheAlias()
    {
        var applied = await DeploymentApplier.ApplyAsync(Store, Spec(challengerWeight: 20), new Change("alice"), Ct);
        await Store.Registry.SetAliasAsync("titanic", "challenger", 3, new Change("tests"), Ct);

        var resolved = await DeploymentApplier.ResolveAsync(Store.Registry, applied.Current.Spec, Ct);

        Assert.Equal(3, resolved.Single(r => r.Name == "challenger").Version.Version);
    }

    private static DeploymentSpec Spec(int challengerWeight) => DeploymentSpecReader.Parse($$"""
        model: titanic
        variants:
          - { name: champion, model: titanic@champion, weight: 80 }
          - { name: challenger, model: titanic@challenger, weight: {{challengerWeight}} }
        shadow: [ { name: candidate, model: "titanic:3" } ]
        sticky: { field: PassengerId }
        """);
}
