using Gangway.OnlineEvaluation;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;

namespace Gangway.Tests.OnlineEvaluation;

/// <summary>
/// The autopilot on a real SQLite store with the two Titanic example models registered: version 1 is titanic.yaml (passes
/// its promotion gates against the baseline), version 2 is baseline.yaml.
/// </summary>
public sealed class DeploymentAutopilotTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>, IAsyncLifetime, IDisposable
{
    private readonly TempStore _temp = new();

    private IStore Store => _temp.Store;

    private AutopilotOptions Options => new() { CacheDirectory = _temp.CacheDirectory };

    public async Task InitializeAsync()
    {
        await _temp.RegisterAsync("titanic", trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        await _temp.RegisterAsync("titanic", trained.Baseline, TitanicFiles.BaselineSpec, TitanicFiles.Train);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Act_ChallengerClearlyBetterWithAutoPromote_MovesTheChampionAliasThroughThePromoterAsDeployment()
    {
        await SetAsync(champion: 2, challenger: 1);
        await Store.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "auto"), new Change("tests"), default);
        // Dated after the alias changes (evidence counts from the last one), far enough that the decision is clear.
        await OnlineEvidence.SeedAsync(Store, DateTimeOffset.UtcNow.AddMinutes(10), 200, championRight: 12, challengerRight: 19);

        var move = Assert.Single(await DeploymentAutopilot.ActAsync(Store, "titanic", DateTimeOffset.UtcNow.AddDays(-1), Options, default));

        Assert.Equal(("challenger", DecisionOutcome.Promote, AutopilotEffect.Moved), (move.Variant, move.Outcome, move.Effect));
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "champion", default));
        var change = (await Store.Registry.AliasHistoryAsync("titanic", "champion", default))[^1];
        Assert.Equal((1, (int?)2, DeploymentAutopilot.Actor), (change.Version, change.PreviousVersion, change.Actor));
        Assert.Contains("'challenger' is better than 'champion' on accuracy", change.Reason, StringComparison.Ordinal);
        var audit = (await Store.Registry.ListAuditAsync(new AuditQuery("titanic", 1), default))[0];
        Assert.Equal((AuditActions.AliasSet, DeploymentAutopilot.Actor), (audit.Action, audit.Actor));
        Assert.Contains("\"gates\":\"passed\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Act_SameDecisionAgainOrAnotherReplicaMovedFirst_ChangesNothing()
    {
        await SetAsync(champion: 2, challenger: 1);
        await Store.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "auto"), new Change("tests"), default);
        await OnlineEvidence.SeedAsync(Store, DateTimeOffset.UtcNow.AddMinutes(10), 200, championRight: 12, challengerRight: 19);
        var since = DateTimeOffset.UtcNow.AddDays(-1);

        var first = Assert.Single(await DeploymentAutopilot.ActAsync(Store, "titanic", since, Options, default));
        var second = Assert.Single(await DeploymentAutopilot.ActAsync(Store, "titanic", since, Options, default));

        Assert.Equal(AutopilotEffect.Moved, first.Effect);
        Assert.Equal(AutopilotEffect.AlreadyDone, second.Effect);
        Assert.Contains("titanic@champion already points at version 1", second.Message, StringComparison.Ordinal);
        Assert.Single(await Store.Registry.AliasHistoryAsync("titanic", "champion", default), c => c.Actor == DeploymentAutopilot.Actor);
    }

    [Fact]
    public async Task Act_EvidenceOlderThanTheLastAliasChange_IsNotActedOn()
    {
        await Store.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "auto"), new Change("tests"), default);
        await OnlineEvidence.SeedAsync(Store, DateTimeOffset.UtcNow.AddMinutes(-10), 200, championRight: 12, challengerRight: 19);
        await SetAsync(champion: 2, challenger: 1);

        Assert.Empty(await DeploymentAutopilot.ActAsync(Store, "titanic", DateTimeOffset.UtcNow.AddDays(-1), Options, default));
        Assert.Equal(2, await Store.Registry.ResolveAliasAsync("titanic", "champion", default));
    }

    [Fact]
    public async Task Act_ReportMode_MovesNothing()
    {
        await SetAsync(champion: 2, challenger: 1);
        await Store.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "report"), new Change("tests"), default);
        await OnlineEvidence.SeedAsync(Store, DateTimeOffset.UtcNow.AddMinutes(10), 200, championRight: 12, challengerRight: 19);

        Assert.Empty(await DeploymentAutopilot.ActAsync(Store, "titanic", DateTimeOffset.UtcNow.AddDays(-1), Options, default));
        Assert.Equal(2, await Store.Registry.ResolveAliasAsync("titanic", "champion", default));
    }

    [Fact]
    public async Task Act_ChallengerClearlyWorseWithAutoRollback_PointsTheChallengerAliasAtTheChampionsVersion()
    {
        await SetAsync(champion: 1, challenger: 2);
        await Store.Deployments.ApplyAsync(OnlineEvidence.Deployment("rollback_when", "auto"), new Change("tests"), default);
        await OnlineEvidence.SeedAsync(Store, DateTimeOffset.UtcNow.AddMinutes(10), 200, championRight: 19, challengerRight: 12);

        var move = Assert.Single(await DeploymentAutopilot.ActAsync(Store, "titanic", DateTimeOffset.UtcNow.AddDays(-1), Options, default));

        Assert.Equal((DecisionOutcome.Rollback, AutopilotEffect.Moved), (move.Outcome, move.Effect));
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "challenger", default));
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "champion", default));
        Assert.Equal(DeploymentAutopilot.Actor, (await Store.Registry.AliasHistoryAsync("titanic", "challenger", default))[^1].Actor);
    }

    private async Task SetAsync(int champion, int challenger)
    {
        await Store.Registry.SetAliasAsync("titanic", "champion", champion, new Change("tests"), default);
        await Store.Registry.SetAliasAsync("titanic", "challenger", challenger, new Change("tests"), default);
    }
}
