using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary>A business unit's raw file used directly with --parser gives the same results as the canonical file.</summary>
public sealed class ParserOptionTests : IClassFixture<TrainedExample>
{
    private static readonly string Units = Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", "units");
    private static readonly string Parser = Path.Combine(Units, "nordic.parser.yaml");
    private readonly TrainedExample _example;

    public ParserOptionTests(TrainedExample example) => _example = example;

    private ExampleWorkspace Workspace => _example.Workspace;

    [Fact]
    public void Predict_UnitFileThroughParser_IsByteIdenticalToTheCanonicalFile()
    {
        var fromUnit = Workspace["unit-predictions.csv"];
        var fromCanonical = Workspace["canonical-predictions.csv"];

        var unit = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Path.Combine(Units, "nordic-predict.csv"), "--parser", Parser, "--out", fromUnit);
        var canonical = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Workspace["predict.csv"], "--out", fromCanonical);

        Assert.True(unit.ExitCode == 0, unit.ToString());
        Assert.True(canonical.ExitCode == 0, canonical.ToString());
        Assert.Equal(File.ReadAllBytes(fromCanonical), File.ReadAllBytes(fromUnit));
    }

    [Fact]
    public void Evaluate_UnitFileThroughParser_GivesTheSameMetrics()
    {
        var unit = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", Path.Combine(Units, "nordic-validation.csv"), "--parser", Parser, "--out", Workspace["unit-metrics.json"]);
        var canonical = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", Workspace["validation.csv"], "--out", Workspace["canonical-metrics.json"]);

        Assert.True(unit.ExitCode == 0, unit.ToString());
        Assert.Equal(0, canonical.ExitCode);
        Assert.Equal(File.ReadAllText(Workspace["canonical-metrics.json"]), File.ReadAllText(Workspace["unit-metrics.json"]));
    }

    [Fact]
    public void TrainAndValidate_UnitFileThroughParser_Work()
    {
        var validate = CliRun.Invoke("validate", "--data", Path.Combine(Units, "nordic-validation.csv"), "--parser", Parser, "--schema", Workspace["titanic.schema.yaml"]);
        var train = CliRun.Invoke("train", "--no-track", "--spec", Workspace["baseline.yaml"], "--data", Path.Combine(Units, "nordic-validation.csv"), "--parser", Parser, "--out", Workspace["unit.gwb"]);

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(train.ExitCode == 0, train.ToString());
    }

    [Fact]
    public void Train_ThroughParser_RecordsRawParsedAndParserHashes()
    {
        var viaUnit = Workspace["lineage-unit.gwb"];
        var viaCanonical = Workspace["lineage-canonical.gwb"];
        Assert.Equal(0, CliRun.Invoke("train", "--no-track", "--spec", Workspace["baseline.yaml"], "--data", Path.Combine(Units, "nordic-validation.csv"), "--parser", Parser, "--out", viaUnit).ExitCode);
        Assert.Equal(0, CliRun.Invoke("train", "--no-track", "--spec", Workspace["baseline.yaml"], "--data", Workspace["validation.csv"], "--out", viaCanonical).ExitCode);

        var unit = Lineage(viaUnit);
        var canonical = Lineage(viaCanonical);

        Assert.Equal(Gangway.Bundles.Hashing.Sha256File(Path.Combine(Units, "nordic-validation.csv")), unit["data_sha256"]!.GetValue<string>());
        Assert.Equal(Gangway.Bundles.Hashing.Sha256File(Parser), unit["parser_sha256"]!.GetValue<string>());
        Assert.Null(canonical["parser_sha256"]);
        Assert.NotEqual(unit["data_sha256"]!.GetValue<string>(), canonical["data_sha256"]!.GetValue<string>());
        Assert.Equal(canonical["parsed_data_sha256"]!.GetValue<string>(), unit["parsed_data_sha256"]!.GetValue<string>());
    }

    private static JsonNode Lineage(string bundle) =>
        JsonNode.Parse(CliRun.Invoke("inspect", bundle, "--json").Output)!["lineage"]!;
}
