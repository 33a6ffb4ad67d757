using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Specs;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Upsell;

/// <summary>The counterfactual on a text tier column, with a model trained in the test (nothing Titanic-specific).</summary>
public class TextTierUpsellTests
{
    private static readonly ModelSpec Spec = new()
    {
        Name = "plans",
        Target = new TargetSpec("renewed", "yes"),
        Inputs = [new InputColumnSpec("plan", ColumnType.Text), new InputColumnSpec("price", ColumnType.Numeric), new InputColumnSpec("years", ColumnType.Numeric)],
        Features = [new StepSpec("one_hot", new Dictionary<string, object?> { ["columns"] = new List<object?> { "plan" } })],
        Learner = new StepSpec("logistic_regression", new Dictionary<string, object?>()),
        Upsell = new UpsellSpec { Column = "plan", Order = ["basic", "plus", "pro"], Fields = [new UpsellFieldSpec("price", UpsellStatistic.Median)], Threshold = 0.02 },
    };

    [Fact]
    public void Evaluate_TextTiers_SetsTheTierTextAndThePerTierMedian()
    {
        var bundle = Train();
        var row = new Table(
            new TextColumn("plan", ["basic"]),
            new NumericColumn("price", [12]),
            new NumericColumn("years", [2]));

        var result = Assert.Single(new UpsellCalculator(bundle).Evaluate(row));

        Assert.Equal(["basic", "plus", "pro"], result.Tiers.Select(t => t.Tier));
        Assert.Equal(new Dictionary<string, double> { ["basic"] = 10, ["plus"] = 20, ["pro"] = 40 }, bundle.Profile.FindGroupMedians("plan", "price"));
        var pro = new Table(new TextColumn("plan", ["pro"]), new NumericColumn("price", [40]), new NumericColumn("years", [2]));
        Assert.Equal(bundle.Model.Transform(pro).GetNumeric(PredictionColumns.Probability)[0], result.Tiers[2].Probability);
        Assert.Equal(bundle.Model.Transform(row).GetNumeric(PredictionColumns.Probability)[0], result.CurrentProbability);
    }

    [Fact]
    public void Evaluate_UnknownTextTier_ListsTheTiers()
    {
        var row = new Table(new TextColumn("plan", ["gold"]), new NumericColumn("price", [12]), new NumericColumn("years", [2]));

        var ex = Assert.Throws<GangwayException>(() => new UpsellCalculator(Train()).Evaluate(row));

        Assert.Equal("Column 'plan' must be one of the upsell tiers basic, plus, pro; row 0 has 'gold'.", ex.Message);
    }

    private static ModelBundle Train()
    {
        // Renewal rises with the plan; prices are 9/10/11, 19/20/21 and 39/40/41 so each plan's median is exact.
        string[] plans = ["basic", "plus", "pro"];
        var rows = Enumerable.Range(0, 90).ToList();
        var data = new Table(
            new TextColumn("plan", [.. rows.Select(i => plans[i % 3])]),
            new NumericColumn("price", [.. rows.Select(i => (i % 3 == 0 ? 10.0 : i % 3 == 1 ? 20 : 40) + (i / 3 % 3) - 1)]),
            new NumericColumn("years", [.. rows.Select(i => (double)(i % 5))]),
            new TextColumn("renewed", [.. rows.Select(i => i % 3 + (i / 3 % 4) >= 3 ? "yes" : "no")]));
        var lineage = new Lineage(new string('a', 64), new string('b', 64), null, null, "test", 42, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new ModelTrainer().Train(Spec, ModelSpecWriter.Write(Spec), data, lineage);
    }
}
