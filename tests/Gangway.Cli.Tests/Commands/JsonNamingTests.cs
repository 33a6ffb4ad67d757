using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gangway.Cli.Tests.Commands;

/// <summary>Every <c>--json</c> output (and every JSON report file) names its properties in snake_case, as docs/cli.md says.</summary>
public sealed partial class JsonNamingTests : IDisposable
{
    // Objects whose keys are data, not names: parameter paths, tags, metric names, column names and values, baseline
    // and alias names. Their keys are skipped (their values are still walked) for this many levels.
    private static readonly Dictionary<string, int> DataKeyed = new(StringComparer.Ordinal)
    {
        ["params"] = 1,
        ["tags"] = 1,
        ["metrics"] = 1,
        ["held_out_metrics"] = 1,
        ["differing_params"] = 1,
        ["parameters"] = 1,
        ["aliases"] = 1,
        ["baselines"] = 1,
        ["slices"] = 2,
        ["notes"] = 1,
    };

    private readonly ExampleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void EveryJsonOutput_NamesEveryPropertyInSnakeCase()
    {
        var bundle = _workspace["m.gwb"];
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        string Json(string label, params string[] args)
        {
            var run = CliRun.Invoke([.. args, "--store", _workspace.Store]);
            Assert.True(run.ExitCode == 0, $"{label}: {run}");
            outputs[label] = run.Output;
            return run.Output;
        }

        var trained = JsonNode.Parse(Json("train", "train", "--spec", _workspace["titanic.yaml"], "--data", _workspace["train.csv"], "--out", bundle, "--json"))!;
        var runId = trained["run_id"]!.GetValue<string>();
        var other = JsonNode.Parse(Json("train (baseline)", "train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--json"))!["run_id"]!.GetValue<string>();
        Json("models register", "models", "register", "--run", runId, "--name", "titanic", "--json");
        Json("models register (2)", "models", "register", "--run", other, "--name", "titanic", "--json");
        Json("models promote", "models", "promote", "titanic", "--version", "1", "--alias", "champion", "--json");
        Json("models promote (2)", "models", "promote", "titanic", "--version", "2", "--alias", "champion", "--force", "--reason", "test", "--json");
        Json("models rollback", "models", "rollback", "titanic", "--alias", "champion", "--json");
        Json("evaluate", "evaluate", "--model", "titanic@champion", "--data", _workspace["validation.csv"], "--json", "--out", _workspace["evaluate.json"]);
        outputs["evaluate --out"] = File.ReadAllText(_workspace["evaluate.json"]);
        Json("compare", "compare", "--model", "titanic@champion", "--model", bundle, "--data", _workspace["validation.csv"], "--json");
        Json("inspect", "inspect", bundle, "--json");
        Json("upsell check", "upsell", "check", "--model", bundle, "--data", _workspace["train.csv"], "--strata", "Sex", "--bootstrap", "20", "--json");
        Json("models list", "models", "list", "--json");
        Json("models show", "models", "show", "titanic", "--json");
        Json("models history", "models", "history", "titanic", "--json");
        File.WriteAllText(_workspace["deploy.yaml"], "model: titanic\nvariants: [{ name: champion, model: titanic@champion, weight: 9 }, { name: challenger, model: 'titanic:2', weight: 1 }]\nshadow: [{ name: candidate, model: 'titanic:2' }]\nsticky: { header: X-Customer-Id }\npromote_when: { metric: accuracy }\n");
        Json("deploy apply", "deploy", "apply", _workspace["deploy.yaml"], "--json");
        Json("monitor online", "monitor", "online", "titanic", "--json");
        Json("deploy show", "deploy", "show", "titanic", "--json");
        Json("deploy history", "deploy", "history", "titanic", "--json");
        Json("runs list", "runs", "list", "--json");
        Json("runs show", "runs", "show", runId, "--json");
        Json("runs compare", "runs", "compare", runId, other, "--json");
        Json("cv", "cv", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--folds", "2", "--json", "--out", _workspace["cv.json"]);
        outputs["cv --out"] = File.ReadAllText(_workspace["cv.json"]);
        File.WriteAllText(_workspace["bad.csv"], "PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n1,0,7,\"A, Mr. B\",male,22,1,0,347077,7.25,,S\n");
        var validated = CliRun.Invoke("validate", "--data", _workspace["bad.csv"], "--schema", _workspace["titanic.schema.yaml"], "--json");
        Assert.True(validated.ExitCode == 3 && validated.Output.Length > 0, validated.ToString());
        outputs["validate"] = validated.Output;
        File.WriteAllText(_workspace["grid-small.yaml"], "metric: roc_auc\nfolds: 2\nparameters:\n  learner.trees: [5, 10]\n");
        Json("tune", "tune", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--grid", _workspace["grid-small.yaml"], "--refit", "--json");

        var offending = outputs.SelectMany(o => NonSnakeCaseNames(JsonNode.Parse(o.Value), o.Key, 0)).ToList();

        Assert.True(offending.Count == 0, "Not snake_case:\n" + string.Join("\n", offending));
        // The names the walk saw include the renamed ones (the bundle's PascalCase manifest, camelCase lineage).
        Assert.Contains("\"model_name\"", outputs["inspect"], StringComparison.Ordinal);
        Assert.Contains("\"data_sha256\"", outputs["runs show"], StringComparison.Ordinal);
        Assert.Contains("\"rejected_rows\": 1", outputs["validate"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FormatVersion", "format_version")]
    [InlineData("dataSha256", "data_sha256")]
    [InlineData("positiveClass", "positive_class")]
    [InlineData("trainedAtUtc", "trained_at_utc")]
    [InlineData("roc_auc", "roc_auc")]
    [InlineData("Sha256", "sha256")]
    public void SnakeCaseName_ConvertsPascalAndCamelCase(string name, string expected) =>
        Assert.Equal(expected, Gangway.Cli.Infrastructure.SnakeCaseJson.Name(name));

    private static IEnumerable<string> NonSnakeCaseNames(JsonNode? node, string path, int dataLevels)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (dataLevels == 0 && !SnakeCase().IsMatch(key))
                    {
                        yield return $"{path}.{key}";
                    }

                    var childLevels = dataLevels > 0 ? dataLevels - 1 : DataKeyed.GetValueOrDefault(key);
                    foreach (var bad in NonSnakeCaseNames(value, $"{path}.{key}", childLevels))
                    {
                        yield return bad;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var bad in NonSnakeCaseNames(item, path + "[]", 0))
                    {
                        yield return bad;
                    }
                }

                break;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
