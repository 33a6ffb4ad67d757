using System.Text.Json;
using Gangway.Promotion;
using Gangway.Stores;
using Gangway.Tests.Bundles;
using Gangway.Tests.Features;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Promotion;

/// <summary>
/// Promotions in a real SQLite store of the two Titanic example models registered as versions of one model:
/// version 1 is titanic.yaml (passes its gates), version 2 is baseline.yaml (fails roc_auc minimum and no_regression).
/// </summary>
public sealed class PromoterTests : IClassFixture<TrainedTitanic>, IAsyncLifetime, IDisposable
{
    private readonly TrainedTitanic _trained;
    private readonly TempStore _temp = new();
    private readonly PromotionOptions _options;

    public PromoterTests(TrainedTitanic trained)
    {
        _trained = trained;
        _options = new PromotionOptions("alice", CacheDirectory: _temp.CacheDirectory);
    }

    public async Task InitializeAsync()
    {
        await _temp.RegisterAsync("titanic", _trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        await _temp.RegisterAsync("titanic", _trained.Baseline, TitanicFiles.BaselineSpec, TitanicFiles.Train);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Promote_FirstVersionPassingItsGates_SetsTheAliasAndAuditsGatesPassed()
    {
        var outcome = await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        Assert.True(outcome.Promoted);
        Assert.True(outcome.Report!.Passed, outcome.Report.Describe());
        var noRegression = Assert.Single(outcome.Report.Results, r => r.Kind == GateKind.NoRegression);
        Assert.Equal("skipped: no current version", noRegression.Note);
        Assert.Equal(("titanic", "champion", 1, (int?)null, AliasChange.Set, "alice"), (outcome.Change!.Model, outcome.Change.Alias, outcome.Change.Version, outcome.Change.PreviousVersion, outcome.Change.Kind, outcome.Change.Actor));
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
        Assert.Equal(new Dictionary<string, string> { ["forced"] = "false", ["gates"] = "passed", ["gate_report"] = outcome.Report.Describe().TrimEnd('\n') }, await LastAliasNotesAsync());
        Assert.Equal("titanic@champion → version 1 (was unset); gates passed.", outcome.Summary("titanic", "champion", 1));
    }

    [Fact]
    public async Task Promote_VersionWithACustomStep_LoadsWithTheHostsCatalog()
    {
        var catalog = GangwayCatalog.CreateBuilder().AddMinMaxScaling().Build();
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(TitanicFiles.Folder, "titanic.schema.yaml"), folder.File("titanic.schema.yaml"));
        var text = File.ReadAllText(TitanicFiles.TitanicSpec).Replace("  - step: drop\n", "  - step: min_max_scale\n    column: Fare\n  - step: drop\n", StringComparison.Ordinal);
        Assert.Contains("min_max_scale", text, StringComparison.Ordinal);
        var spec = folder.Write("custom.yaml", text.Replace("data: data/", $"data: {TitanicFiles.Folder}/data/", StringComparison.Ordinal));
        var bundle = new ModelTrainer(catalog: catalog).Train(spec, TitanicFiles.Train);
        await _temp.RegisterAsync("custom", bundle, spec, TitanicFiles.Train);

        var builtIn = await Assert.ThrowsAsync<GangwayException>(() => Promoter.PromoteAsync(Store, "custom", 1, "champion", _options, CancellationToken.None));
        var outcome = await Promoter.PromoteAsync(Store, "custom", 1, "champion", _options with { Catalog = catalog }, CancellationToken.None);

        Assert.Contains(MinMaxScalingTransformer.KindName, builtIn.Message, StringComparison.Ordinal);
        Assert.True(outcome.Promoted, outcome.Report?.Describe());
    }

    [Fact]
    public async Task Promote_WorseVersionOverTheChampion_IsRefusedAndLeavesTheAlias()
    {
        await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        var outcome = await Promoter.PromoteAsync(Store, "titanic", 2, "champion", _options, CancellationToken.None);

        Assert.False(outcome.Promoted);
        Assert.Null(outcome.Change);
        // The notebook's model misses the ROC AUC floor on its 95% lower bound and the fairness gap; it is worse than the
        // champion on ROC AUC, but not surely by more than the tolerance, so no_regression alone would let it through.
        Assert.Contains(outcome.Report!.Failures, f => f is { Kind: GateKind.Minimum, Subject: "roc_auc" });
        Assert.Contains(outcome.Report.Failures, f => f.Kind == GateKind.Fairness);
        var noRegression = Assert.Single(outcome.Report.Results, f => f.Kind == GateKind.NoRegression);
        Assert.True(noRegression.Passed && noRegression.CurrentValue > noRegression.Value, outcome.Report.Describe());
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
        Assert.Single(await Store.Registry.AliasHistoryAsync("titanic", "champion", CancellationToken.None));
        Assert.StartsWith("Refused: titanic:2 did not pass", outcome.Summary("titanic", "champion", 2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Promote_ForceWithoutReason_IsInvalidConfigurationAndChangesNothing(string? reason)
    {
        await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<GangwayException>(() => Promoter.PromoteAsync(Store, "titanic", 2, "champion", _options with { Force = true, Reason = reason }, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("reason", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
    }

    [Fact]
    public async Task Promote_ForceWithReason_MovesTheAliasAndAuditsTheFailedGates()
    {
        await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        var outcome = await Promoter.PromoteAsync(Store, "titanic", 2, "champion", _options with { Force = true, Reason = "incident 42: roll forward" }, CancellationToken.None);

        Assert.True(outcome.Promoted);
        Assert.False(outcome.Report!.Passed);
        Assert.Equal((2, (int?)1, "incident 42: roll forward"), (outcome.Change!.Version, outcome.Change.PreviousVersion, outcome.Change.Reason));
        Assert.Equal(2, await Store.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
        var notes = await LastAliasNotesAsync();
        Assert.Equal("true", notes["forced"]);
        Assert.Equal("failed", notes["gates"]);
        Assert.Equal(string.Join("; ", outcome.Report.Failures.Select(f => f.Subject)), notes["failed_gates"]);
        Assert.Contains("roc_auc", notes["failed_gates"], StringComparison.Ordinal);
        Assert.Equal("incident 42: roll forward", (await Store.Registry.ListAuditAsync(new AuditQuery("titanic", 1), CancellationToken.None))[0].Reason);
        Assert.Equal("titanic@champion → version 2 (was 1); gates FAILED, forced.", outcome.Summary("titanic", "champion", 2));
    }

    [Fact]
    public async Task Promote_VersionTheAliasAlreadyHas_IsConflict()
    {
        await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<GangwayException>(() => Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        Assert.Equal("titanic@champion already points at version 1.", ex.Message);
        Assert.Single(await Store.Registry.AliasHistoryAsync("titanic", "champion", CancellationToken.None));
    }

    [Fact]
    public async Task Promote_UnknownVersion_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GangwayException>(() => Promoter.PromoteAsync(Store, "titanic", 3, "champion", _options, CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'titanic' has no version 3 in store '{Store.DisplayUri}'.", ex.Message);
    }

    [Fact]
    public async Task Promote_DataPath_EvaluatesTheGatesOnThatFileInsteadOfTheSpecs()
    {
        var subset = _temp.Folder.File("first-60-rows.csv");
        File.WriteAllLines(subset, File.ReadAllLines(TitanicFiles.Validation).Take(61));
        var subsetAuc = BundleEvaluator.Evaluate(_trained.Titanic, subset).Overall.RocAuc;
        var fullAuc = BundleEvaluator.Evaluate(_trained.Titanic, TitanicFiles.Validation).Overall.RocAuc;
        Assert.NotEqual(fullAuc, subsetAuc);

        var withSubset = await Promoter.PromoteAsync(Store, "titanic", 1, "staging", _options with { DataPath = subset, Force = true, Reason = "subset" }, CancellationToken.None);
        var withDefault = await Promoter.PromoteAsync(Store, "titanic", 1, "champion", _options, CancellationToken.None);

        Assert.Equal(subsetAuc, Minimum(withSubset.Report!).Value);
        Assert.Equal(fullAuc, Minimum(withDefault.Report!).Value);
    }

    [Fact]
    public async Task Promote_SpecWithoutPromotionSection_PromotesWithNoReport()
    {
        var spec = SpecWithoutPromotion();
        var bundle = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(spec, TitanicFiles.Train);
        var version = await _temp.RegisterAsync("notebook", bundle, spec, TitanicFiles.Train);

        var outcome = await Promoter.PromoteAsync(Store, "notebook", version.Version, "champion", _options, CancellationToken.None);

        Assert.True(outcome.Promoted);
        Assert.Null(outcome.Report);
        Assert.Equal(1, await Store.Registry.ResolveAliasAsync("notebook", "champion", CancellationToken.None));
        Assert.Equal("none declared", (await LastAliasNotesAsync("notebook"))["gates"]);
        Assert.Equal("notebook@champion → version 1 (was unset); gates none declared.", outcome.Summary("notebook", "champion", 1));
    }

    private static GateResult Minimum(GateReport report) => Assert.Single(report.Results, r => r.Kind == GateKind.Minimum);

    private async Task<Dictionary<string, string>> LastAliasNotesAsync(string model = "titanic")
    {
        var entry = (await Store.Registry.ListAuditAsync(new AuditQuery(model, 1), CancellationToken.None))[0];
        Assert.Equal(AuditActions.AliasSet, entry.Action);
        using var details = JsonDocument.Parse(entry.Details);
        return details.RootElement.GetProperty("notes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    // baseline.yaml up to its promotion section, beside a copy of the schema it names.
    private string SpecWithoutPromotion()
    {
        File.Copy(Path.Combine(TitanicFiles.Folder, "titanic.schema.yaml"), _temp.Folder.File("titanic.schema.yaml"));
        var text = File.ReadAllText(TitanicFiles.BaselineSpec);
        var promotion = text.IndexOf("\npromotion:", StringComparison.Ordinal);
        Assert.True(promotion > 0);
        return _temp.Folder.Write("notebook.yaml", text[..promotion].Replace("name: titanic-baseline", "name: notebook", StringComparison.Ordinal) + "\n");
    }
}
