using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Profiling;

namespace Gangway.Tests.Upsell;

/// <summary>
/// A model with known answers for upsell tests: the probability is looked up by the row's <c>tier</c> and <c>kind</c>
/// (low, mid, high), and the class is <c>yes</c> from 0.5. Kinds: <c>up</c> .2/.4/.6 (rises), <c>dip</c> .3/.1/.5 (falls
/// one tier up from low), <c>peak</c> .2/.7/.6 (rises one tier up from low, then falls), <c>cross</c> .6/.2/.9.
/// </summary>
internal sealed class TierLookupModel : ITransformer
{
    public const string KindName = "test-tier-lookup";

    public static readonly string[] Tiers = ["low", "mid", "high"];

    public static readonly Dictionary<string, double[]> ByKind = new(StringComparer.Ordinal)
    {
        ["up"] = [0.2, 0.4, 0.6],
        ["dip"] = [0.3, 0.1, 0.5],
        ["peak"] = [0.2, 0.7, 0.6],
        ["cross"] = [0.6, 0.2, 0.9],
    };

    public const string SpecText = """
        name: tiers
        target:
          column: y
          positive: "yes"
        inputs:
          tier: text
          kind: text
          sex: text
        learner:
          type: logistic_regression
        seed: 7
        upsell:
          column: tier
          order: [low, mid, high]
          strata: [sex]

        """;

    public static GangwayCatalog Catalog { get; } = GangwayCatalog.CreateBuilder().AddTransformer(KindName, _ => new TierLookupModel()).Build();

    public string Kind => KindName;

    public static double Probability(string kind, string tier) => ByKind[kind][Array.IndexOf(Tiers, tier)];

    public Table Transform(Table data)
    {
        var tiers = data.GetText("tier");
        var kinds = data.GetText("kind");
        var probabilities = new double[data.RowCount];
        for (var row = 0; row < probabilities.Length; row++)
        {
            probabilities[row] = Probability(kinds[row]!, tiers[row]!);
        }

        return data.With(
            new NumericColumn(PredictionColumns.Probability, probabilities),
            new TextColumn(PredictionColumns.Prediction, [.. probabilities.Select(p => p >= 0.5 ? "yes" : "no")]));
    }

    public void Save(TransformerWriter writer)
    {
    }

    /// <summary>A bundle of <paramref name="model"/> (default: this lookup) with <see cref="SpecText"/>, trained on <paramref name="data"/>.</summary>
    public static ModelBundle Bundle(Table data, ITransformer? model = null, string specText = SpecText)
    {
        var labels = data.GetText("y");
        var positives = Enumerable.Range(0, data.RowCount).Count(r => labels[r] == "yes");
        var schema = new InputSchema(
            [new InputColumn("tier", ColumnType.Text, ColumnRole.Feature), new InputColumn("kind", ColumnType.Text, ColumnRole.Feature), new InputColumn("sex", ColumnType.Text, ColumnRole.Feature)],
            "y",
            "yes");
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new ModelBundle(
            "tiers",
            created,
            specText,
            schema,
            DataProfiler.Profile(data),
            new JsonObject { ["training"] = new JsonObject { ["rows"] = (double)data.RowCount, ["positives"] = (double)positives } },
            new Lineage(new string('a', 64), new string('b', 64), null, null, "test", 7, created),
            data.Take([0, 1]),
            model ?? new TierLookupModel());
    }

    /// <summary>
    /// 240 rows, 40 per tier and sex. Low: women 10 dip and 30 up, men 35 up and 5 peak; mid and high: all up. Observed
    /// positive rates: mid women 30/40, men 10/40; high women 36/40, men 20/40; low 8/40 for both.
    /// </summary>
    public static Table Reference()
    {
        var tiers = new List<string?>();
        var kinds = new List<string?>();
        var sexes = new List<string?>();
        var labels = new List<string?>();
        void Add(string tier, string sex, int count, string kind, int positives)
        {
            for (var i = 0; i < count; i++)
            {
                tiers.Add(tier);
                kinds.Add(kind);
                sexes.Add(sex);
                labels.Add(i < positives ? "yes" : "no");
            }
        }

        Add("low", "f", 10, "dip", 2);
        Add("low", "f", 30, "up", 6);
        Add("low", "m", 35, "up", 8);
        Add("low", "m", 5, "peak", 0);
        Add("mid", "f", 40, "up", 30);
        Add("mid", "m", 40, "up", 10);
        Add("high", "f", 40, "up", 36);
        Add("high", "m", 40, "up", 20);
        return new Table(new TextColumn("tier", [.. tiers]), new TextColumn("kind", [.. kinds]), new TextColumn("sex", [.. sexes]), new TextColumn("y", [.. labels]));
    }
}
