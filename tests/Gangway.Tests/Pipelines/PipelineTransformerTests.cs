using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Tests.Scoring;
using Gangway.Tests.Training;

namespace Gangway.Tests.Pipelines;

public class PipelineTransformerTests(TrainedTitanic trained, TrainedRowSpecs specs) : IClassFixture<TrainedTitanic>, IClassFixture<TrainedRowSpecs>
{
    // The learner reads features as floats, which hides most one-ulp differences in the doubles before it; so the row
    // forms of the feature steps are compared with the table's feature columns directly, bit for bit.
    [Theory]
    [InlineData("titanic")]
    [InlineData("baseline")]
    [InlineData("scaled")]
    [InlineData("binned")]
    public void CompileRow_FeatureSteps_WriteTheTablesFeatureValuesBitForBit(string bundleName)
    {
        var bundle = bundleName switch
        {
            "titanic" => trained.Titanic,
            "baseline" => trained.Baseline,
            "scaled" => specs.Scaled,
            _ => specs.Binned,
        };
        var steps = FittedSteps.Of(bundle.Model);
        var features = new PipelineTransformer(steps[..^1]);
        var learner = (BinaryClassifierTransformer)steps[^1];
        var layout = new RowLayout(bundle.Schema.Columns.Select(c => (c.Name, c.Type)));
        var rowForm = PipelineTransformer.CompileRow(features.Steps, layout);
        var slots = learner.FeatureSlots(layout);
        Assert.NotNull(rowForm);
        Assert.NotNull(slots);
        List<object?[]> bases = [.. RowParity.Records(bundle, TitanicFiles.ReadValidation()), .. RowParity.Records(bundle, CsvReader.ReadFile(TitanicFiles.Predict))];
        var records = bases.Concat(PerturbedRecords.Create(bundle, bases, count: 600, seed: 31)).ToList();
        var row = new RowValues(bundle.Schema.Columns.Count, layout.SlotCount);
        var disagreements = new List<string>();
        var compared = 0;

        foreach (var record in records)
        {
            row.Clear();
            RowParity.Fill(row, record);
            var rowPasses = rowForm(row);
            Table? table;
            try
            {
                table = features.Transform(RowParity.ToTable(bundle, record));
            }
            catch (GangwayException)
            {
                table = null;
            }

            if (rowPasses != table is not null)
            {
                disagreements.Add($"{RowParity.Describe(bundle, record)}: table {(table is null ? "throws" : "passes")}, row {(rowPasses ? "passes" : "fails")}");
                continue;
            }

            for (var f = 0; rowPasses && f < slots.Length; f++)
            {
                var expected = table!.GetNumeric(learner.FeatureColumns[f])[0];
                var actual = row.Numbers[slots[f]];
                if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && !(double.IsNaN(expected) && double.IsNaN(actual)))
                {
                    disagreements.Add($"{RowParity.Describe(bundle, record)}: {learner.FeatureColumns[f]} table {expected:R}, row {actual:R}");
                }
            }

            compared += rowPasses ? 1 : 0;
        }

        Assert.Empty(disagreements);
        Assert.InRange(compared, records.Count / 2, records.Count);
    }
}
