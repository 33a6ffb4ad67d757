using System.Globalization;
using Gangway.Bundles;
using Gangway.Calibration;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Profiling;
using Gangway.Scoring;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Scoring;

/// <summary>A calibrated model gives the same calibrated probability whichever way a record is scored.</summary>
public class CalibratedScoringTests(CalibratedTitanic trained) : IClassFixture<CalibratedTitanic>
{
    private static readonly Table Rows = CsvReader.ReadFile(TitanicFiles.Predict).Take([.. Enumerable.Range(0, 60)]);

    [Theory]
    [InlineData("platt")]
    [InlineData("isotonic")]
    public void Score_BatchRowAndUpsell_GiveTheSameCalibratedProbability(string method)
    {
        var bundle = trained.Get(method);
        var table = bundle.Model.Transform(Rows).GetNumeric(PredictionColumns.Probability).Values.ToArray();

        var batch = Batch(bundle);
        var scorer = RowScorer.TryCreate(bundle, RowParity.Validator(bundle));
        Assert.NotNull(scorer);
        var byRow = RowParity.Records(bundle, Rows).Select(record => RowParity.ByRow(scorer, record)).ToArray();
        var upsell = new UpsellCalculator(bundle).Evaluate(Rows);

        Assert.Equal(table, batch);
        Assert.All(byRow, (answer, row) => Assert.Equal(RowAnswer.Of(table[row], double.NaN, null).ProbabilityBits, answer.ProbabilityBits));
        Assert.Equal(table, upsell.Select(r => r.CurrentProbability));
        var uncalibrated = trained.Uncalibrated.Model.Transform(Rows).GetNumeric(PredictionColumns.Probability).Values.ToArray();
        Assert.True(table.Zip(uncalibrated).Count(p => p.First != p.Second) > Rows.RowCount / 2, "calibration should change most probabilities");
    }

    [Theory]
    [InlineData("platt")]
    [InlineData("isotonic")]
    public void Upsell_CounterfactualTiers_AreCalibratedToo(string method)
    {
        var bundle = trained.Get(method);
        var fareByClass = DataProfiler.GroupMedians(CsvReader.ReadFile(TitanicFiles.Train), "Pclass", "Fare");
        var calibrator = Learner(bundle).Calibration!.Calibrator;

        var results = new UpsellCalculator(bundle).Evaluate(Rows);
        var uncalibrated = new UpsellCalculator(trained.Uncalibrated).Evaluate(Rows);

        var thirdClass = Enumerable.Range(0, Rows.RowCount).First(r => Rows.GetNumeric("Pclass")[r] == 3);
        var firstClass = Rows.Take([thirdClass]).With(new NumericColumn("Pclass", [1]), new NumericColumn("Fare", [fareByClass["1"]]));
        var tier = results[thirdClass].Tiers[^1];
        Assert.Equal("1", tier.Tier);
        Assert.Equal(bundle.Model.Transform(firstClass).GetNumeric(PredictionColumns.Probability)[0], tier.Probability);
        Assert.Equal(ShortestDecimal.Widen((float)calibrator.Calibrate(uncalibrated[thirdClass].Tiers[^1].Probability)), tier.Probability);
        Assert.NotEqual(uncalibrated[thirdClass].Tiers[^1].Probability, tier.Probability);
    }

    [Theory]
    [InlineData("platt")]
    [InlineData("isotonic")]
    public void Bundle_WriteThenRead_KeepsTheCalibrationAndItsProbabilities(string method)
    {
        var bundle = trained.Get(method);
        using var folder = new TempDirectory();
        var path = folder.File("calibrated.gwb");

        BundleWriter.Write(bundle, path);
        var read = BundleReader.Read(path);

        Assert.Equal(
            bundle.Model.Transform(Rows).GetNumeric(PredictionColumns.Probability).Values.ToArray(),
            read.Model.Transform(Rows).GetNumeric(PredictionColumns.Probability).Values.ToArray());
        var calibration = Learner(read).Calibration!;
        Assert.Equal(method == "platt" ? CalibrationMethod.Platt : CalibrationMethod.Isotonic, calibration.Method);
        Assert.Equal((5, 712), (calibration.Folds, calibration.Rows));
        Assert.Equal(calibration.ToJson().ToJsonString(), read.Metrics["calibration"]!.ToJsonString());
    }

    [Fact]
    public void Train_WithoutCalibration_RecordsNone()
    {
        Assert.Null(Learner(trained.Uncalibrated).Calibration);
        Assert.Null(trained.Uncalibrated.Metrics["calibration"]);
    }

    private static BinaryClassifierTransformer Learner(ModelBundle bundle) =>
        Assert.IsType<BinaryClassifierTransformer>(FittedSteps.Of(bundle.Model)[^1]);

    private static double[] Batch(ModelBundle bundle)
    {
        using var input = new StringWriter();
        CsvWriter.Write(Rows, input);
        using var output = new StringWriter();
        BatchScorer.Score(bundle, new StringReader(input.ToString()), output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), PredictionColumns.Probability);
        return [.. lines.Skip(1).Select(line => double.Parse(line.Split(',')[column], CultureInfo.InvariantCulture))];
    }
}
