using Gangway.Specs;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

/// <summary>
/// The example's recommended spec is what its documented search chooses: running examples/titanic/grid.yaml with the
/// one-standard-error rule on train.csv picks the values titanic.yaml holds, with the figures its README quotes.
/// (The one slow test of the suite: 36 candidates × 25 fits.)
/// </summary>
public class ExampleChoiceTests
{
    [Fact]
    public void Tune_ExampleGridWithOneStandardError_ChoosesTheValuesOfTheRecommendedSpec()
    {
        var spec = ModelSpecReader.ReadFile(TitanicFiles.TitanicSpec);
        var grid = TuningGridReader.ReadFile(Path.Combine(TitanicFiles.Folder, "grid.yaml")) with { Selection = SelectionRule.OneStandardError };

        var report = Tuner.Run(spec, SpecData.ReadLabelled(spec, TitanicFiles.Train), grid);

        Assert.Equal(36, report.Candidates.Count);
        Assert.Equal(28, report.Chosen.Candidate.Number);
        Assert.Equal(report.Best.Candidate.Number, report.Chosen.Candidate.Number);
        foreach (var parameter in report.Chosen.Candidate.Parameters)
        {
            Assert.Equal(parameter.Text, ValueInSpec(spec, parameter.Path));
        }

        Assert.Equal(0.8340, report.Chosen.Score.Mean!.Value, 4);
        Assert.Equal(0.8064, report.Chosen.Score.Interval!.Lower, 4);
        Assert.Equal(0.8615, report.Chosen.Score.Interval!.Upper, 4);
    }

    private static string ValueInSpec(ModelSpec spec, string path) => path switch
    {
        "features.drop.columns" => CandidateParameter.Format(spec.Features.Single(s => s.Name == "drop").Arguments["columns"]),
        _ when path.StartsWith("learner.", StringComparison.Ordinal) => CandidateParameter.Format(spec.Learner.Arguments[path["learner.".Length..]]),
        _ => throw new ArgumentException($"The test does not know grid path '{path}'.", nameof(path)),
    };
}
