using Gangway.Schema;

namespace Gangway.Cli.Tests.Commands;

/// <summary>The data contract through the CLI: validate, schema infer, and the checks in train and predict.</summary>
public sealed class ContractCommandsTests : IClassFixture<TrainedExample>
{
    private readonly TrainedExample _example;

    public ContractCommandsTests(TrainedExample example) => _example = example;

    private ExampleWorkspace Workspace => _example.Workspace;

    [Fact]
    public void Validate_CleanData_ExitsZero()
    {
        var run = CliRun.Invoke("validate", "--data", Workspace["train.csv"], "--schema", Workspace["titanic.schema.yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("712 rows checked, 0 rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenRules_ReportsEachRuleAndExitsInvalidInput()
    {
        var bad = WriteWithChangedRow("train.csv", "bad-train.csv", 1, r => r.Replace(",3,\"", ",7,\"", StringComparison.Ordinal).Replace(",male,", ",robot,", StringComparison.Ordinal));

        var run = CliRun.Invoke("validate", "--data", bad, "--schema", Workspace["titanic.schema.yaml"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Column 'Pclass' must be one of 1, 2, 3; line 2 has 7.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Column 'Sex' must be one of male, female; line 2 has 'robot'.", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("error: bad-train.csv breaks the contract", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AgainstAModel_ChecksOnlyTheModelsColumns()
    {
        var run = CliRun.Invoke("validate", "--data", Workspace["predict.csv"], "--model", _example.Bundle);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Validate_UnlabelledDataAgainstTheSchema_PassesBecauseTheContractKnowsTheLabel()
    {
        var run = CliRun.Invoke("validate", "--data", Workspace["predict.csv"], "--schema", Workspace["titanic.schema.yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("418 rows checked, 0 rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DataWithoutTheIdColumn_PassesAgainstTheSchemaAndTheModel()
    {
        var data = WithoutFirstColumn("predict.csv", "predict-no-ids.csv");

        var bySchema = CliRun.Invoke("validate", "--data", data, "--schema", Workspace["titanic.schema.yaml"]);
        var byModel = CliRun.Invoke("validate", "--data", data, "--model", _example.Bundle);

        Assert.True(bySchema.ExitCode == 0, bySchema.ToString());
        Assert.True(byModel.ExitCode == 0, byModel.ToString());
    }

    [Fact]
    public void Validate_IdColumnPresentButBreakingItsRule_IsStillAnError()
    {
        var bad = WriteWithChangedRow("predict.csv", "bad-id.csv", 1, r => ReplaceField(r, 0, "0"));

        var run = CliRun.Invoke("validate", "--data", bad, "--model", _example.Bundle);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Column 'PassengerId' must be at least 1; line 2 has 0.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_FileWithoutTheIdColumn_WritesPredictionAndProbabilityOnly()
    {
        var data = WithoutFirstColumn("predict.csv", "predict-no-ids.csv");
        var withIds = Workspace["scored-with-ids.csv"];
        var withoutIds = Workspace["scored-without-ids.csv"];

        var reference = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", Workspace["predict.csv"], "--out", withIds);
        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", data, "--out", withoutIds);

        Assert.True(reference.ExitCode == 0, reference.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = File.ReadAllLines(withIds).Select(line => line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("prediction,probability", File.ReadLines(withoutIds).First());
        Assert.Equal(expected, File.ReadAllLines(withoutIds));
    }

    [Fact]
    public void EvaluateAndTrain_FilesWithoutTheIdColumn_NeedOnlyTheTarget()
    {
        var validation = WithoutFirstColumn("validation.csv", "validation-no-ids.csv");
        var train = WithoutFirstColumn("train.csv", "train-no-ids.csv");
        var reference = Workspace["metrics-with-ids.json"];
        var metrics = Workspace["metrics-no-ids.json"];

        var withIds = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", Workspace["validation.csv"], "--out", reference);
        var evaluated = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", validation, "--out", metrics);
        var trained = CliRun.Invoke("train", "--no-track", "--spec", Workspace["titanic.yaml"], "--data", train, "--out", Workspace["no-ids.gwb"]);

        Assert.True(withIds.ExitCode == 0, withIds.ToString());
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Equal(File.ReadAllText(reference), File.ReadAllText(metrics));
        Assert.True(trained.ExitCode == 0, trained.ToString());
    }

    [Fact]
    public void SchemaInfer_WritesASchemaThatReadsBackAndAcceptsItsData()
    {
        var output = Workspace["inferred.schema.yaml"];

        var run = CliRun.Invoke("schema", "infer", "--data", Workspace["train.csv"], "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var schema = DataSchemaReader.ReadFile(output);
        Assert.Equal(["1", "2", "3"], schema["Pclass"].AllowedValues);
        Assert.Equal(0, CliRun.Invoke("validate", "--data", Workspace["train.csv"], "--schema", output).ExitCode);
    }

    [Fact]
    public void Train_DataBreakingTheContract_FailsWithOneLineNamingLineColumnRuleAndValue()
    {
        var bad = WriteWithChangedRow("train.csv", "bad-age.csv", 3, r => ReplaceField(r, 5, "-4"));

        var run = CliRun.Invoke("train", "--no-track", "--spec", Workspace["titanic.yaml"], "--data", bad, "--out", Workspace["never.gwb"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Column 'Age' must be at least 0; line 4 has -4.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Workspace["never.gwb"]));
    }

    [Fact]
    public void Predict_ContractErrorWithFail_NamesTheLineAndLeavesNoFile()
    {
        var bad = WriteWithChangedRow("predict.csv", "bad-class.csv", 2, r => ReplaceField(r, 1, "7"));
        var output = Workspace["never.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", bad, "--out", output);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: Column 'Pclass' must be one of 1, 2, 3; line 3 has 7.", run.Error.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Predict_ContractErrorsWithSkip_WritesRejectsWithReasons()
    {
        var bad = WriteWithChangedRow("predict.csv", "bad-many.csv", 2, r => ReplaceField(r, 1, "7"));
        var rejects = Workspace["rejects.csv"];
        var output = Workspace["scored.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", bad, "--out", output, "--on-error", "skip", "--rejects", rejects);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("line,column,reason,record", lines[0]);
        Assert.StartsWith("3,Pclass,\"Column 'Pclass' must be one of 1, 2, 3; this row has 7\",", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Equal(File.ReadAllLines(bad).Length - 1, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Predict_RejectsFile_HidesPersonalDataUnlessAskedAndThenWarns()
    {
        var bad = WriteWithChangedRow("predict.csv", "bad-pii.csv", 2, r => ReplaceField(r, 1, "7"));

        var hidden = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", bad, "--out", Workspace["pii-out.csv"], "--on-error", "skip", "--rejects", Workspace["pii-hidden.csv"]);
        var clear = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", bad, "--out", Workspace["pii-out2.csv"], "--on-error", "skip", "--rejects", Workspace["pii-clear.csv"], "--rejects-include-pii");

        Assert.True(hidden.ExitCode == 0, hidden.ToString());
        Assert.True(clear.ExitCode == 0, clear.ToString());
        var masked = File.ReadAllText(Workspace["pii-hidden.csv"]);
        Assert.DoesNotContain("Wilkes", masked, StringComparison.Ordinal);
        Assert.Contains("893,7,\"\"(personal data, hidden)\"\",female", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("personal data in clear", hidden.Error, StringComparison.Ordinal);
        Assert.Contains("Wilkes, Mrs. James (Ellen Needs)", File.ReadAllText(Workspace["pii-clear.csv"]), StringComparison.Ordinal);
        Assert.Contains("personal data in clear (columns Name, Ticket)", clear.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MisspeltLearnerKey_FailsOnTheSpecBeforeReadingTheData()
    {
        var spec = WriteSpec("tress.yaml", "baseline.yaml", text => text.Replace("trees: 100", "tress: 100", StringComparison.Ordinal));
        File.WriteAllText(Workspace["unrelated.csv"], "a,b\n1,2\n");

        var run = CliRun.Invoke("train", "--no-track", "--spec", spec, "--data", Workspace["unrelated.csv"], "--out", Workspace["never-tress.gwb"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("does not take argument 'tress'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TextInputNoStepEncodes_FailsNamingTheColumnAndTheFix()
    {
        var spec = WriteSpec("no-one-hot.yaml", "baseline.yaml", text => text.Replace(
            "features:\n  - step: one_hot\n    columns: [Sex]\n    unknown: error\n", "", StringComparison.Ordinal));

        var run = CliRun.Invoke("train", "--no-track", "--spec", spec, "--data", Workspace["train.csv"], "--out", Workspace["never-text.gwb"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("text input 'Sex' is read by no feature step", run.Error, StringComparison.Ordinal);
        Assert.Contains("'- step: one_hot' with 'columns: [Sex]'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Workspace["never-text.gwb"]));
    }

    [Fact]
    public void Inspect_ShowsTheColumnsTheLearnerUses()
    {
        var run = CliRun.Invoke("inspect", _example.Bundle);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Output.Split('\n').Single(l => l.StartsWith("learner uses", StringComparison.Ordinal));
        Assert.Contains("Sex_male", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" Name", line, StringComparison.Ordinal);
    }

    private string WriteSpec(string name, string source, Func<string, string> change)
    {
        var text = File.ReadAllText(Workspace[source]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var changed = change(text);
        Assert.NotEqual(text, changed);
        File.WriteAllText(Workspace[name], changed);
        return Workspace[name];
    }

    private string WriteWithChangedRow(string source, string name, int dataRow, Func<string, string> change)
    {
        var lines = File.ReadAllLines(Workspace[source]);
        lines[dataRow] = change(lines[dataRow]);
        File.WriteAllLines(Workspace[name], lines);
        return Workspace[name];
    }

    // The Titanic files start with PassengerId, a plain number.
    private string WithoutFirstColumn(string source, string name)
    {
        File.WriteAllLines(Workspace[name], File.ReadAllLines(Workspace[source]).Select(line => line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        return Workspace[name];
    }

    // Replaces a field of a simple record whose only quoted field is the Name (index 2 or 3 in the Titanic files).
    private static string ReplaceField(string record, int index, string value)
    {
        var nameStart = record.IndexOf('"', StringComparison.Ordinal);
        var nameEnd = record.IndexOf('"', nameStart + 1);
        var fields = record[..nameStart].Split(',')[..^1].ToList();
        fields.Add(record[nameStart..(nameEnd + 1)]);
        fields.AddRange(record[(nameEnd + 2)..].Split(','));
        fields[index] = value;
        return string.Join(',', fields);
    }
}
