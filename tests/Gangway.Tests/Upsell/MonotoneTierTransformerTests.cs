using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Tests.Scoring;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Upsell;

public class MonotoneTierTransformerTests
{
    private static readonly MonotoneTierTransformer Monotone = new(new TierLookupModel(), "tier", ColumnType.Text, TierLookupModel.Tiers, [], []);

    [Fact]
    public void Transform_NonMonotoneRows_GetTheProjectedProbabilityOfTheirTier()
    {
        var rows = Rows(("low", "dip"), ("mid", "dip"), ("high", "dip"), ("low", "peak"), ("mid", "peak"), ("high", "peak"));

        var probabilities = Monotone.Transform(rows).GetNumeric(PredictionColumns.Probability);

        // dip .3/.1/.5 becomes .2/.2/.5; peak .2/.7/.6 becomes .2/.65/.65.
        double[] expected = [0.2, 0.2, 0.5, 0.2, 0.65, 0.65];
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row], probabilities[row], 12);
        }
    }

    [Fact]
    public void Transform_RowsAlreadyMonotone_AreUnchangedBitForBit()
    {
        var rows = Rows(("low", "up"), ("mid", "up"), ("high", "up"), ("high", "dip"));

        var monotone = Monotone.Transform(rows);
        var raw = new TierLookupModel().Transform(rows);

        Assert.Equal(raw.GetNumeric(PredictionColumns.Probability).Values.ToArray(), monotone.GetNumeric(PredictionColumns.Probability).Values.ToArray());
        Assert.Equal(raw.GetText(PredictionColumns.Prediction).Values.ToArray(), monotone.GetText(PredictionColumns.Prediction).Values.ToArray());
    }

    [Fact]
    public void Transform_ProjectionCrossingOneHalf_ChangesTheClassToo()
    {
        // cross .6/.2/.9 becomes .4/.4/.9: the low row was 'yes' at .6 and is 'no' at .4.
        var rows = Rows(("low", "cross"), ("mid", "cross"));

        var scored = Monotone.Transform(rows);

        Assert.Equal(0.4, scored.GetNumeric(PredictionColumns.Probability)[0], 12);
        Assert.Equal(new string?[] { "no", "no" }, scored.GetText(PredictionColumns.Prediction).Values.ToArray());
        Assert.Equal(rows.RowCount, scored.RowCount);
        Assert.Equal(new string?[] { "low", "mid" }, scored.GetText("tier").Values.ToArray());
    }

    [Theory]
    [InlineData(1.0, 2)]
    [InlineData(3.0, 0)]
    [InlineData(2.0000000000000004, -1)] // formats as "2.0000000000000004", not "2"
    [InlineData(-0.0, -1)]
    [InlineData(double.NaN, -1)]
    [InlineData(4.0, -1)]
    public void TierOf_Number_IsTheTierItsFormattedValueNames(double value, int expected)
    {
        var numeric = new MonotoneTierTransformer(new TierLookupModel(), "Pclass", ColumnType.Numeric, ["3", "2", "1"], [], []);

        Assert.Equal(expected, numeric.TierOf(value));
        Assert.Equal(double.IsNaN(value) ? -1 : numeric.TierOf(Column.FormatNumber(value)), numeric.TierOf(value));
    }

    [Fact]
    public void Transform_TierOutsideTheOrder_KeepsTheWrappedAnswer()
    {
        var rows = new Table(new TextColumn("tier", ["low", null]), new TextColumn("kind", ["dip", "up"]), new TextColumn("sex", ["f", "m"]));
        var inner = new FallbackLookup();

        var scored = new MonotoneTierTransformer(inner, "tier", ColumnType.Text, TierLookupModel.Tiers, [], []).Transform(rows);

        Assert.Equal(0.2, scored.GetNumeric(PredictionColumns.Probability)[0], 12);
        Assert.Equal(0.42, scored.GetNumeric(PredictionColumns.Probability)[1]);
    }

    [Fact]
    public void Upsell_MonotoneModel_RisesUpTheTiersAndStartsAtThePrediction()
    {
        var data = TierLookupModel.Reference();
        var bundle = TierLookupModel.Bundle(data, Monotone);

        var results = new UpsellCalculator(bundle).Evaluate(data);
        var predicted = bundle.Model.Transform(data).GetNumeric(PredictionColumns.Probability);

        for (var row = 0; row < data.RowCount; row++)
        {
            Assert.Equal(predicted[row], results[row].CurrentProbability);
            Assert.True(TierProjection.IsNonDecreasing([.. results[row].Tiers.Select(t => t.Probability)]), $"row {row}");
        }

        var check = UpsellCheck.Run(bundle, data, bootstrap: new() { Resamples = 50 });
        Assert.All(check.Falls, f => Assert.Equal(0, f.FallAnyStep));
    }

    [Fact]
    public void SaveAndLoad_RoundTripsToTheSamePredictions()
    {
        var rows = Rows(("low", "dip"), ("mid", "peak"), ("high", "cross"));
        var withFields = new MonotoneTierTransformer(new TierLookupModel(), "tier", ColumnType.Text, TierLookupModel.Tiers, ["price"], [[1, 2, 3]]);

        var loaded = (MonotoneTierTransformer)SavedModel.FromEntries(SavedModel.From(withFields).ToEntries()).Load(TierLookupModel.Catalog);

        Assert.Equal(["price"], loaded.Fields);
        Assert.Equal([1.0, 2, 3], loaded.FieldValues(0));
        Assert.Equal(TierLookupModel.Tiers, loaded.Order);
        var withPrice = rows.With(new NumericColumn("price", [5, 5, 5]));
        Assert.Equal(
            withFields.Transform(withPrice).GetNumeric(PredictionColumns.Probability).Values.ToArray(),
            loaded.Transform(withPrice).GetNumeric(PredictionColumns.Probability).Values.ToArray());
    }

    [Fact]
    public void Train_MonotoneSpec_EveryScoringPathAgreesAndNoProbabilityFalls()
    {
        var (monotoneSpec, data) = PlansSpec(monotone: true);
        var bundle = Train(monotoneSpec, data);
        var plain = Train(monotoneSpec with { Upsell = monotoneSpec.Upsell! with { Monotone = false } }, data);

        var model = Assert.IsType<MonotoneTierTransformer>(bundle.Model);
        var predicted = bundle.Model.Transform(data).GetNumeric(PredictionColumns.Probability);
        var raw = plain.Model.Transform(data).GetNumeric(PredictionColumns.Probability);
        var (tiers, byTier) = model.TierProbabilities(data);
        var unchanged = 0;
        for (var row = 0; row < data.RowCount; row++)
        {
            Assert.True(TierProjection.IsNonDecreasing(byTier[row]!));
            Assert.Equal(byTier[row]![tiers[row]], predicted[row]);
            // The wrapped model is the plain spec's model; a row whose raw tier probabilities already rise keeps its score.
            var rawTiers = ((MonotoneTierTransformer)bundle.Model).Inner.Transform(Everywhere(data, row, model)).GetNumeric(PredictionColumns.Probability).Values.ToArray();
            if (TierProjection.IsNonDecreasing(rawTiers))
            {
                Assert.Equal(raw[row], predicted[row]);
                unchanged++;
            }
        }

        Assert.InRange(unchanged, 1, data.RowCount - 1);
        Assert.True(UpsellCheck.Run(plain, data, bootstrap: new() { Resamples = 20 }).Falls[0].FallAnyStep > 0, "the plain model should have falls for the test to mean anything");
        Assert.Equal(0, UpsellCheck.Run(bundle, data, bootstrap: new() { Resamples = 20 }).Falls[0].FallAnyStep);

        // Bundle file round trip, and the row scorer (a text tier here) gives /predict the same projection bit for bit.
        var path = Path.Combine(Path.GetTempPath(), $"monotone-{Guid.NewGuid():N}.gwb");
        try
        {
            BundleWriter.Write(bundle, path);
            var read = BundleReader.Read(path);
            Assert.Equal(predicted.Values.ToArray(), read.Model.Transform(data).GetNumeric(PredictionColumns.Probability).Values.ToArray());
            var scorer = RowScorer.TryCreate(read, null);
            Assert.NotNull(scorer);
            var records = RowParity.Records(read, data);
            Assert.Empty(RowParity.Disagreements(read, null, scorer, records.Select((record, r) => (record, data.Take([r])))));
            Assert.All(records, record => Assert.True(RowParity.ByRow(scorer, record).Scored));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The row placed in every tier, the way the projection scores it (its own tier as it is, others at the tier's median price).
    private static Table Everywhere(Table data, int row, MonotoneTierTransformer model) => data.Take([row, row, row]).With(
        new TextColumn("plan", [.. model.Order]),
        new NumericColumn("price", [.. Enumerable.Range(0, 3).Select(t => data.GetText("plan")[row] == model.Order[t] ? data.GetNumeric("price")[row] : model.FieldValues(0)[t])]));

    private static (ModelSpec Spec, Table Data) PlansSpec(bool monotone)
    {
        // Renewal rises with the plan but falls with the price paid, so moving up at the plan's median price can lower it.
        string[] plans = ["basic", "plus", "pro"];
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).ToList();
        var plan = rows.Select(i => i % 3).ToArray();
        var price = rows.Select(i => (plan[i] + 1) * 10.0 + random.Next(-8, 9)).ToArray();
        var renewed = rows.Select(i => random.NextDouble() < 0.2 + (0.15 * plan[i]) - (0.01 * (price[i] - ((plan[i] + 1) * 10)))).ToArray();
        var data = new Table(
            new TextColumn("plan", [.. plan.Select(p => plans[p])]),
            new NumericColumn("price", price),
            new TextColumn("renewed", [.. renewed.Select(r => r ? "yes" : "no")]));
        var spec = new ModelSpec
        {
            Name = "plans",
            Target = new TargetSpec("renewed", "yes"),
            Inputs = [new InputColumnSpec("plan", ColumnType.Text), new InputColumnSpec("price", ColumnType.Numeric)],
            Features = [new StepSpec("one_hot", new Dictionary<string, object?> { ["columns"] = new List<object?> { "plan" } })],
            Learner = new StepSpec("fast_tree", new Dictionary<string, object?> { ["trees"] = 30L, ["leaves"] = 8L, ["min_leaf"] = 5L }),
            Seed = 5,
            Upsell = new UpsellSpec { Column = "plan", Order = plans, Fields = [new UpsellFieldSpec("price", UpsellStatistic.Median)], Monotone = monotone },
        };
        return (spec, data);
    }

    private static ModelBundle Train(ModelSpec spec, Table data)
    {
        var lineage = new Lineage(new string('a', 64), new string('b', 64), null, null, "test", spec.Seed, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new ModelTrainer().Train(spec, ModelSpecWriter.Write(spec), data, lineage);
    }

    private static Table Rows(params (string Tier, string Kind)[] rows) => new(
        new TextColumn("tier", [.. rows.Select(r => r.Tier)]),
        new TextColumn("kind", [.. rows.Select(r => r.Kind)]),
        new TextColumn("sex", [.. rows.Select(_ => "f")]));

    // The lookup model, answering 0.42 for a row without a tier instead of failing.
    private sealed class FallbackLookup : ITransformer
    {
        public string Kind => "test-fallback";

        public Table Transform(Table data)
        {
            var tiers = data.GetText("tier");
            var known = Enumerable.Range(0, data.RowCount).Where(r => tiers[r] is not null).ToArray();
            var scored = new TierLookupModel().Transform(data.Take(known)).GetNumeric(PredictionColumns.Probability);
            var probabilities = Enumerable.Repeat(0.42, data.RowCount).ToArray();
            for (var i = 0; i < known.Length; i++)
            {
                probabilities[known[i]] = scored[i];
            }

            return data.With(
                new NumericColumn(PredictionColumns.Probability, probabilities),
                new TextColumn(PredictionColumns.Prediction, [.. probabilities.Select(p => p >= 0.5 ? "yes" : "no")]));
        }

        public void Save(TransformerWriter writer)
        {
        }
    }
}
