using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Registry;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Tracking;

namespace Gangway.Tests.Tracking;

public class TrainingRunsTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly DateTimeOffset Started = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private NewRun TitanicRun(byte[] bytes, string? spec = null, string? data = null) =>
        TrainingRuns.Training(trained.Titanic, bytes, spec ?? TitanicFiles.TitanicSpec, data ?? TitanicFiles.Train, Started, Started.AddSeconds(2.5));

    [Fact]
    public void Training_RelativePaths_RecordsAbsolutePathsAndTheLineageDigests()
    {
        var current = Directory.GetCurrentDirectory();

        var run = TitanicRun([1], Path.GetRelativePath(current, TitanicFiles.TitanicSpec), Path.GetRelativePath(current, TitanicFiles.Train));

        Assert.Equal(TitanicFiles.TitanicSpec, run.Params["spec"]);
        Assert.Equal(TitanicFiles.Train, run.Params["data"]);
        Assert.Equal(trained.Titanic.Lineage.SpecSha256, run.Params["spec_sha256"]);
        Assert.Equal(Hashing.Sha256File(TitanicFiles.TitanicSpec), run.Params["spec_sha256"]);
        Assert.Equal(trained.Titanic.Lineage.DataSha256, run.Params["data_sha256"]);
        Assert.Equal(Hashing.Sha256File(TitanicFiles.Train), run.Params["data_sha256"]);
        Assert.Equal(trained.Titanic.Lineage.ParsedDataSha256, run.Params["parsed_data_sha256"]);
        Assert.DoesNotContain("parser_sha256", run.Params.Keys);
    }

    [Fact]
    public void Training_TitanicSpec_RecordsSeedLearnerItsArgumentsAndFeatures()
    {
        var run = TitanicRun([1]);

        Assert.Equal("42", run.Params["seed"]);
        Assert.Equal("fast_tree", run.Params["learner"]);
        Assert.Equal("50", run.Params["learner.trees"]);
        Assert.Equal("4", run.Params["learner.leaves"]);
        Assert.Equal("10", run.Params["learner.min_leaf"]);
        Assert.Equal("0.1", run.Params["learner.learning_rate"]);
        Assert.Equal("title,family_size,impute,impute,one_hot,one_hot,drop", run.Params["features"]);
    }

    [Fact]
    public void Training_Metrics_AreTheBundlesTrainingMetricsPlusTheDuration()
    {
        var training = trained.Titanic.Metrics["training"]!.AsObject();

        var run = TitanicRun([1]);

        var expected = Metrics.Scalars.ToDictionary(s => "training_" + s.Name, s => training[s.Name]!.GetValue<double>());
        expected["duration_seconds"] = 2.5;
        Assert.Equal(expected.OrderBy(m => m.Key), run.Metrics.OrderBy(m => m.Key));
        Assert.InRange(run.Metrics["training_roc_auc"], 0.5, 1.0);
    }

    [Fact]
    public void Training_UndefinedMetricInTheBundle_IsLeftOut()
    {
        var metrics = trained.Titanic.Metrics;
        metrics["training"]!["roc_auc"] = null;
        var t = trained.Titanic;
        var bundle = new ModelBundle(t.Name, TitanicFiles.TrainedAt, t.SpecText, t.Schema, t.Profile, metrics, t.Lineage, t.Examples, t.Model, t.ContractText);

        var run = TrainingRuns.Training(bundle, [1], TitanicFiles.TitanicSpec, TitanicFiles.Train, Started, Started);

        Assert.DoesNotContain("training_roc_auc", run.Metrics.Keys);
        Assert.Contains("training_accuracy", run.Metrics.Keys);
        Assert.Equal(0, run.Metrics["duration_seconds"]);
    }

    [Fact]
    public void Training_Run_IsAFinishedTrainRunOfTheModelWithItsLineageTagsAndBundle()
    {
        byte[] bytes = BundleWriter.ToBytes(trained.Titanic);

        var run = TitanicRun(bytes);

        Assert.Equal(("titanic", "train", (string?)null, RunStatus.Finished), (run.Experiment, run.Name, run.ParentRunId, run.Status));
        Assert.Equal((Started, (DateTimeOffset?)Started.AddSeconds(2.5)), (run.StartedAt, run.EndedAt));
        Assert.Equal(trained.Titanic.Lineage, Lineage.FromJson(run.Lineage!));
        Assert.Equal(trained.Titanic.Lineage.GangwayVersion, run.Tags["gangway_version"]);
        Assert.Equal("train", run.Tags["command"]);
        Assert.Equal(Environment.MachineName, run.Tags["host"]);
        var artifact = Assert.Single(run.Artifacts);
        Assert.Equal(RunArtifact.ModelBundle, artifact.Name);
        Assert.Equal(bytes, artifact.Content.ToArray());
    }

    [Fact]
    public async Task Training_RecordedInAStore_ReadsBackTheSameRunAndBundle()
    {
        using var temp = new TempStore();
        var bytes = BundleWriter.ToBytes(trained.Titanic);

        var recorded = await temp.Store.Runs.CreateRunAsync(TitanicRun(bytes), new Change("tests"), CancellationToken.None);

        var found = (await temp.Store.Runs.FindRunAsync(recorded.Id, CancellationToken.None))!;
        Assert.Equal(TitanicRun(bytes).Params.OrderBy(p => p.Key), found.Params.OrderBy(p => p.Key));
        Assert.Equal(bytes, await temp.Store.Runs.ReadArtifactAsync(recorded.Id, RunArtifact.ModelBundle, CancellationToken.None));
        Assert.Equal(Hashing.Sha256(bytes), Assert.Single(found.Artifacts).Sha256);
    }

    [Theory]
    [InlineData("0123abcd", false, "0123abcd")]
    [InlineData("0123abcd", true, "0123abcd-dirty")]
    [InlineData("0123abcd", null, "0123abcd")]
    public void Tags_GitCommit_IsRecordedWithDirtiness(string commit, bool? dirty, string expected)
    {
        var lineage = trained.Titanic.Lineage with { GitCommit = commit, GitDirty = dirty };

        var tags = TrainingRuns.Tags(lineage, "tune");

        Assert.Equal(expected, tags["git_commit"]);
        Assert.Equal("tune", tags["command"]);
    }

    [Fact]
    public void Tags_NoGitCommit_HasNoGitTag()
    {
        var tags = TrainingRuns.Tags(trained.Titanic.Lineage with { GitCommit = null, GitDirty = null }, "train");

        Assert.Equal(["command", "gangway_version", "host"], tags.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Summary_CrossValidation_GivesMeansStandardDeviationsAndIntervalBoundsOfDefinedMetrics()
    {
        var report = new CrossValidationReport([Fold(0.6, null, 0.5), Fold(0.8, null, 0.7)]);

        var summary = TrainingRuns.Summary(report);

        Assert.Equal(0.7, summary["accuracy"], 12);
        Assert.Equal(0.1, summary["accuracy_std"], 12);
        Assert.Equal(0.6, summary["log_loss"], 12);
        Assert.Equal(0.1, summary["log_loss_std"], 12);
        Assert.DoesNotContain("roc_auc", summary.Keys);
        Assert.DoesNotContain("roc_auc_std", summary.Keys);
        Assert.DoesNotContain("roc_auc_lower", summary.Keys);
        Assert.Equal(report.Summary("accuracy").Interval!.Lower, summary["accuracy_lower"], 12);
        Assert.Equal(report.Summary("accuracy").Interval!.Upper, summary["accuracy_upper"], 12);
        Assert.Equal(24, summary.Count);
    }

    [Fact]
    public void Scalars_OneEvaluation_GivesEachDefinedMetricByName()
    {
        var scalars = TrainingRuns.Scalars(Fold(0.75, 0.9, 0.4));

        Assert.Equal(
            new Dictionary<string, double>
            {
                ["accuracy"] = 0.75,
                ["precision"] = 0.5,
                ["recall"] = 0.25,
                ["f1"] = 1.0 / 3,
                ["roc_auc"] = 0.9,
                ["log_loss"] = 0.4,
                ["brier"] = 0.2,
            },
            scalars);
        Assert.DoesNotContain("roc_auc", TrainingRuns.Scalars(Fold(0.75, null, 0.4)).Keys);
    }

    private static Metrics Fold(double accuracy, double? auc, double logLoss) => new(
        accuracy, 0.5, 0.25, 1.0 / 3, auc, logLoss, 0.2, new ConfusionMatrix(1, 1, 1, 3, "1", "0"), [], 6, 4);
}
