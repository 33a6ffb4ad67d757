using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Profiling;
using Gangway.Tests.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Upsell;

public class UpsellCalculatorTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly string[] ClassOrder = ["3", "2", "1"];

    [Fact]
    public void Evaluate_TitanicRows_ProbabilitiesEqualTheModelOnHandBuiltCounterfactuals()
    {
        var rows = PredictRows();
        var fareByClass = DataProfiler.GroupMedians(CsvReader.ReadFile(TitanicFiles.Train), "Pclass", "Fare");

        var results = new UpsellCalculator(trained.Titanic).Evaluate(rows);

        Assert.Equal(rows.RowCount, results.Count);
        var pclass = rows.GetNumeric("Pclass");
        for (var row = 0; row < rows.RowCount; row++)
        {
            var own = Array.IndexOf(ClassOrder, Column.FormatNumber(pclass[row]));
            var result = results[row];
            Assert.Equal(row, result.Row);
            Assert.Equal(ClassOrder[own], result.CurrentTier);
            Assert.Equal(ClassOrder[own..], result.Tiers.Select(t => t.Tier));
            Assert.Equal(Score(trained.Titanic, rows.Take([row])), result.CurrentProbability);
            foreach (var tier in result.Tiers.Skip(1))
            {
                var counterfactual = rows.Take([row]).With(
                    new NumericColumn("Pclass", [double.Parse(tier.Tier, System.Globalization.CultureInfo.InvariantCulture)]),
                    new NumericColumn("Fare", [fareByClass[tier.Tier]]));
                var expected = Score(trained.Titanic, counterfactual);
                Assert.Equal(expected, tier.Probability);
                Assert.Equal(expected - result.CurrentProbability, tier.Gain);
            }
        }
    }

    [Fact]
    public void Evaluate_BaselineWithoutFields_ChangesOnlyTheClass()
    {
        var rows = PredictRows();

        var results = new UpsellCalculator(trained.Baseline).Evaluate(rows);

        var thirdClass = Enumerable.Range(0, rows.RowCount).First(r => rows.GetNumeric("Pclass")[r] == 3);
        var firstClass = rows.Take([thirdClass]).With(new NumericColumn("Pclass", [1]));
        Assert.Equal(Score(trained.Baseline, firstClass), results[thirdClass].Tiers[^1].Probability);
    }

    [Fact]
    public void Evaluate_FirstClassRows_GetOnlyTheirOwnTierAndNoRecommendation()
    {
        var rows = PredictRows();

        var firstClass = new UpsellCalculator(trained.Titanic).Evaluate(rows, threshold: 0).Where(r => r.CurrentTier == "1").ToList();

        Assert.NotEmpty(firstClass);
        Assert.All(firstClass, r =>
        {
            Assert.Equal(0, Assert.Single(r.Tiers).Gain);
            Assert.Null(r.BestUpgrade);
            Assert.Null(r.Recommendation);
        });
    }

    [Fact]
    public void Evaluate_Threshold_DecidesTheRecommendation()
    {
        var rows = PredictRows();
        var calculator = new UpsellCalculator(trained.Titanic);
        var gaining = calculator.Evaluate(rows).First(r => r.BestUpgrade is { Gain: > 0.01 and < 0.99 });
        var single = rows.Take([gaining.Row]);
        var gain = gaining.BestUpgrade!.Gain;

        var atGain = Assert.Single(calculator.Evaluate(single, threshold: gain));
        var aboveGain = Assert.Single(calculator.Evaluate(single, threshold: Math.BitIncrement(gain)));

        Assert.Equal(gaining.BestUpgrade, atGain.Recommendation);
        Assert.Equal(gain, atGain.Threshold);
        Assert.Null(aboveGain.Recommendation);
        Assert.Equal(gaining.BestUpgrade, aboveGain.BestUpgrade);
    }

    [Fact]
    public void Evaluate_BestUpgrade_IsTheHigherTierWithTheLargestGain()
    {
        var results = new UpsellCalculator(trained.Titanic).Evaluate(PredictRows());

        Assert.All(results.Where(r => r.Tiers.Count > 1), r =>
            Assert.Equal(r.Tiers.Skip(1).Max(t => t.Gain), r.BestUpgrade!.Gain));
        Assert.Contains(results, r => r.Tiers.Count == 3);
    }

    [Fact]
    public void Evaluate_WithoutThreshold_UsesTheSpecsThreshold()
    {
        var calculator = new UpsellCalculator(trained.Titanic);

        var results = calculator.Evaluate(PredictRows());

        Assert.Equal(0.05, calculator.Spec.Threshold);
        Assert.All(results, r => Assert.Equal(0.05, r.Threshold));
        Assert.All(results, r => Assert.Equal(r.BestUpgrade is { Gain: >= 0.05 } ? r.BestUpgrade : null, r.Recommendation));
    }

    [Fact]
    public void Evaluate_SameRowsTwice_GivesEqualResults()
    {
        var rows = PredictRows();

        var first = new UpsellCalculator(trained.Titanic).Evaluate(rows);
        var second = new UpsellCalculator(trained.Titanic).Evaluate(rows);

        Assert.Equal(first.Select(r => (r.CurrentTier, r.Recommendation)), second.Select(r => (r.CurrentTier, r.Recommendation)));
        Assert.Equal(first.SelectMany(r => r.Tiers), second.SelectMany(r => r.Tiers));
        Assert.All(first.SelectMany(r => r.Tiers), t => Assert.True(double.IsFinite(t.Probability) && double.IsFinite(t.Gain)));
    }

    [Fact]
    public void Evaluate_TierNotInOrder_NamesRowValueAndTiers()
    {
        var rows = PredictRows().Take([0, 1]);
        rows = rows.With(new NumericColumn("Pclass", [3, 7]));

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(trained.Titanic).Evaluate(rows));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("Column 'Pclass' must be one of the upsell tiers 3, 2, 1; row 1 has '7'.", ex.Message);
        Assert.Equal(1, ex.Row);
        Assert.Equal("Pclass", ex.Column);
    }

    [Fact]
    public void Evaluate_MissingTier_SaysRowHasNoValue()
    {
        var rows = PredictRows().Take([0]).With(new NumericColumn("Pclass", [double.NaN]));

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(trained.Titanic).Evaluate(rows));

        Assert.EndsWith("row 0 has no value.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_ThresholdOutsideZeroToOne_IsInvalidInput(double threshold)
    {
        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(trained.Titanic).Evaluate(PredictRows(), threshold));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.StartsWith("The upsell threshold must be a gain in probability between 0 and 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoRows_ReturnsNoResults()
    {
        var empty = PredictRows().Take([]);

        Assert.Empty(new UpsellCalculator(trained.Titanic).Evaluate(empty));
    }

    [Fact]
    public void Constructor_SpecWithoutUpsell_IsNotFound()
    {
        var bundle = Rebuild(trained.Titanic, specText: trained.Titanic.SpecText[..trained.Titanic.SpecText.IndexOf("\nupsell:", StringComparison.Ordinal)]);

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(bundle));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.StartsWith("Model 'titanic' has no upsell section in its spec", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ProfileWithoutTheMedians_AsksToTrainAgain()
    {
        var bundle = Rebuild(trained.Titanic, profile: trained.Titanic.Profile with { GroupMedians = [] });

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(bundle));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal("Model 'titanic' has no per-tier medians of 'Fare' by 'Pclass' in its profile; train it again with this version of Gangway.", ex.Message);
    }

    [Fact]
    public void Constructor_TierWithoutAMedian_NamesTheTier()
    {
        var medians = trained.Titanic.Profile.GroupMedians.Single();
        var partial = medians with { Medians = medians.Medians.Where(m => m.Key != "2").ToDictionary() };
        var bundle = Rebuild(trained.Titanic, profile: trained.Titanic.Profile with { GroupMedians = [partial] });

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(bundle));

        Assert.StartsWith("Model 'titanic' has no median of 'Fare' for tier '2' of 'Pclass'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FromSeveralThreads_GivesTheSameResults()
    {
        var rows = PredictRows();
        var calculator = new UpsellCalculator(trained.Titanic);
        var expected = calculator.Evaluate(rows).SelectMany(r => r.Tiers).ToList();

        var results = new List<TierProbability>[8];
        Parallel.For(0, results.Length, i => results[i] = [.. calculator.Evaluate(rows).SelectMany(r => r.Tiers)]);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Evaluate_ReadmeWorkedExample_GivesTheDocumentedNumbers()
    {
        // examples/titanic/README.md, "The upsell decision": PassengerId 892 (third class) and 907 (second class).
        var rows = CsvReader.ReadFile(TitanicFiles.Predict);
        var ids = rows.GetNumeric("PassengerId");
        var chosen = rows.Take([.. Enumerable.Range(0, rows.RowCount).Where(r => ids[r] is 892 or 907)]);

        var results = new UpsellCalculator(trained.Titanic).Evaluate(chosen);

        Assert.Equal(
            [("3", 0.139, 0.0), ("2", 0.14, 0.001), ("1", 0.345, 0.207)],
            results[0].Tiers.Select(t => (t.Tier, Math.Round(t.Probability, 3), Math.Round(t.Gain, 3))));
        Assert.Equal("1", results[0].Recommendation?.Tier);
        Assert.Equal(
            [("2", 0.922, 0.0), ("1", 0.946, 0.024)],
            results[1].Tiers.Select(t => (t.Tier, Math.Round(t.Probability, 3), Math.Round(t.Gain, 3))));
        Assert.Null(results[1].Recommendation);
        Assert.Equal("1", results[1].BestUpgrade?.Tier);
        Assert.Equal(
            new Dictionary<string, double> { ["1"] = 57.9792, ["2"] = 14.25, ["3"] = 8.05 },
            trained.Titanic.Profile.FindGroupMedians("Pclass", "Fare"));
    }

    private static Table PredictRows() => CsvReader.ReadFile(TitanicFiles.Predict).Take([.. Enumerable.Range(0, 40)]);

    private static double Score(ModelBundle bundle, Table row) =>
        bundle.Model.Transform(row).GetNumeric(PredictionColumns.Probability)[0];

    private static ModelBundle Rebuild(ModelBundle bundle, string? specText = null, DataProfile? profile = null) => new(
        bundle.Name,
        bundle.Lineage.TrainedAtUtc,
        specText ?? bundle.SpecText,
        bundle.Schema,
        profile ?? bundle.Profile,
        bundle.Metrics,
        bundle.Lineage,
        bundle.Examples,
        bundle.Model,
        bundle.ContractText);
}
