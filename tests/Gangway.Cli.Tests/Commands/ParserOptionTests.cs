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
    public void Predict_ParserKeepingTheUnitsOwnKey_CopiesItToTheOutputWithoutAnId()
    {
        var parser = WriteParser("keep.parser.yaml", text => text
            .Replace("  Passagier: PassengerId\n", "", StringComparison.Ordinal)
            .Replace("drop: [Gebucht]", "drop: [Passagier]\nkeep: [Gebucht]", StringComparison.Ordinal));
        var output = Workspace["kept-predictions.csv"];
        var reference = Workspace["reference-predictions.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Path.Combine(Units, "nordic-predict.csv"), "--parser", parser, "--out", output);
        var canonical = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Workspace["predict.csv"], "--out", reference);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, canonical.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("Gebucht,prediction,probability", lines[0]);
        Assert.Equal("02.01.1912,", lines[1][..11]);
        var expected = File.ReadAllLines(reference).Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(expected, lines.Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void Predict_ParserDroppingAColumnTheFileLacks_FailsBeforeReadingAnyRow()
    {
        var parser = WriteParser("bad-drop.parser.yaml", text => text.Replace("drop: [Gebucht]", "drop: [Gebucht, Gebucht2]", StringComparison.Ordinal));
        var output = Workspace["never-dropped.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Path.Combine(Units, "nordic-predict.csv"), "--parser", parser, "--out", output);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("parser 'nordic' drops source column 'Gebucht2', which the file does not have", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
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

    // A variant of the Nordic parser spec in the workspace, its contract path made absolute.
    private string WriteParser(string name, Func<string, string> change)
    {
        var text = File.ReadAllText(Parser).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("contract: ../titanic.schema.yaml", "contract: " + Path.Combine(Units, "..", "titanic.schema.yaml"), StringComparison.Ordinal);
        File.WriteAllText(Workspace[name], change(text));
        return Workspace[name];
    }
}
