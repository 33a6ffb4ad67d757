using System.Globalization;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Scoring;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Scoring;

public class RowScorerTests(TrainedTitanic trained, TrainedRowSpecs specs, MonotoneTitanic monotone)
    : IClassFixture<TrainedTitanic>, IClassFixture<TrainedRowSpecs>, IClassFixture<MonotoneTitanic>
{
    [Theory]
    [InlineData("titanic", "train.csv")]
    [InlineData("titanic", "validation.csv")]
    [InlineData("titanic", "predict.csv")]
    [InlineData("baseline", "train.csv")]
    [InlineData("baseline", "validation.csv")]
    [InlineData("baseline", "predict.csv")]
    [InlineData("scaled", "validation.csv")]
    [InlineData("scaled", "predict.csv")]
    [InlineData("binned", "validation.csv")]
    [InlineData("binned", "predict.csv")]
    [InlineData("monotone", "train.csv")]
    [InlineData("monotone", "validation.csv")]
    [InlineData("monotone", "predict.csv")]
    public void TryScore_EveryRowOfATitanicFile_ScoresExactlyWhenTheTablePathDoesWithTheSameBits(string bundleName, string file)
    {
        var bundle = Bundle(bundleName);
        var validator = RowParity.Validator(bundle);
        var scorer = Scorer(bundle);
        var table = CsvReader.ReadFile(Path.Combine(TitanicFiles.Folder, file));
        var records = RowParity.Records(bundle, table);

        var disagreements = RowParity.Disagreements(bundle, validator, scorer, records.Select((record, r) => (record, table.Take([r]))));

        Assert.Empty(disagreements);
        Assert.Contains(records, record => RowParity.ByRow(scorer, record).Scored);
    }

    [Theory]
    [InlineData("titanic", true)]
    [InlineData("titanic", false)]
    [InlineData("baseline", true)]
    [InlineData("baseline", false)]
    [InlineData("scaled", false)]
    [InlineData("binned", false)]
    [InlineData("monotone", true)]
    [InlineData("monotone", false)]
    public void TryScore_PerturbedRecords_ScoresExactlyWhenTheTablePathIsSilentWithTheSameBits(string bundleName, bool withContract)
    {
        var bundle = Bundle(bundleName);
        var validator = withContract ? RowParity.Validator(bundle) : null;
        Assert.Equal(withContract, validator is not null);
        var scorer = RowScorer.TryCreate(bundle, validator);
        Assert.NotNull(scorer);
        var records = PerturbedRecords.Create(bundle, BaseRecords(bundle), count: 400, seed: 20251129);

        var disagreements = RowParity.Disagreements(bundle, validator, scorer, records.Select(r => (r, RowParity.ToTable(bundle, r))));

        Assert.Empty(disagreements);
        var scored = records.Count(r => RowParity.ByRow(scorer, r).Scored);
        Assert.InRange(scored, 1, records.Count - 1);
    }

    [Fact]
    public void TryScore_NumericLabel_ReturnsTheClassAsANumberAndNoText()
    {
        var bundle = trained.Titanic;
        var scorer = Scorer(bundle);
        var records = RowParity.Records(bundle, TitanicFiles.ReadValidation());

        var predictions = records.Select(r => Score(scorer, r)).ToList();

        Assert.All(predictions, p => Assert.Null(p.Text));
        Assert.All(predictions, p => Assert.Equal(p.Probability >= 0.5 ? 1d : 0d, p.Number));
        Assert.Equal([0d, 1d], predictions.Select(p => p.Number).Distinct().Order());
    }

    [Fact]
    public void TryScore_TextLabel_ReturnsTheClassAsTextAndNaN()
    {
        var bundle = specs.Binned;
        var scorer = Scorer(bundle);
        var records = RowParity.Records(bundle, TitanicFiles.ReadValidation()).Where(r => r.All(v => v is not double.NaN)).ToList();

        var predictions = records.Select(r => Score(scorer, r)).ToList();

        Assert.All(predictions, p => Assert.True(double.IsNaN(p.Number)));
        Assert.All(predictions, p => Assert.Equal(p.Probability >= 0.5 ? "yes" : "no", p.Text));
        Assert.Equal(["no", "yes"], predictions.Select(p => p.Text).Distinct().Order());
    }

    [Fact]
    public void TryScore_SelectStepBeforeTheLearner_AgreesWithTheTablePath()
    {
        // A spec cannot select without keeping the label, so the select step is put into a trained pipeline.
        var (features, learner) = Split(specs.Scaled);
        var featureTable = new PipelineTransformer(features).Transform(specs.Scaled.Examples);
        var select = new SelectColumnsEstimator([.. learner.FeatureColumns.Reverse(), "PassengerId"]).Fit(featureTable);
        var bundle = WithModel(specs.Scaled, new PipelineTransformer([.. features, select, learner]));
        var scorer = Scorer(bundle);
        var table = TitanicFiles.ReadValidation();
        var records = RowParity.Records(bundle, table).Concat(PerturbedRecords.Create(bundle, BaseRecords(bundle), count: 200, seed: 5)).ToList();

        var disagreements = RowParity.Disagreements(bundle, null, scorer, records.Select(r => (r, RowParity.ToTable(bundle, r))));

        Assert.Empty(disagreements);
        Assert.Contains(records, record => RowParity.ByRow(scorer, record).Scored);
    }

    [Fact]
    public void TryScore_MonotoneModelRecordWhoseTiersFall_GetsTheProjectedProbabilityOfItsTier()
    {
        var bundle = monotone.Bundle;
        var scorer = Scorer(bundle);
        var table = TitanicFiles.ReadValidation();
        var records = RowParity.Records(bundle, table);
        var tiers = monotone.Model.Order.Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var fares = monotone.Model.FieldValues(0);
        Assert.Equal(["Fare"], monotone.Model.Fields);

        var falling = 0;
        for (var r = 0; r < records.Count; r++)
        {
            var single = table.Take([r]);
            var own = Array.IndexOf(tiers, single.GetNumeric("Pclass")[0]);
            // The wrapped model in each tier: the record as it is in its own, the tier and its median fare in the others.
            var raw = tiers.Select((tier, t) => t == own
                ? single
                : single.With(new NumericColumn("Pclass", [tier]), new NumericColumn("Fare", [fares[t]])))
                .Select(t => monotone.Model.Inner.Transform(t).GetNumeric(PredictionColumns.Probability)[0]).ToArray();
            if (TierProjection.IsNonDecreasing(raw))
            {
                continue;
            }

            falling++;
            var projected = TierProjection.NonDecreasing(raw);
            var answer = RowParity.ByRow(scorer, records[r]);

            Assert.True(TierProjection.IsNonDecreasing(projected));
            Assert.True(answer.Scored, RowParity.Describe(bundle, records[r]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(projected[own]), answer.ProbabilityBits);
            Assert.Equal(RowParity.ByTable(bundle, null, single), answer);
        }

        // Some validation passengers are in a tier where the wrapped model falls, so the projection is seen at work.
        Assert.InRange(falling, 1, records.Count - 1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(4d)]
    [InlineData(2.5)]
    public void TryScore_MonotoneModelTierMissingOrOutsideTheOrder_KeepsTheWrappedModelsAnswer(double tier)
    {
        var bundle = monotone.Bundle;
        var scorer = RowScorer.TryCreate(bundle, null);
        Assert.NotNull(scorer);
        var inner = WithModel(bundle, monotone.Model.Inner);
        var innerScorer = RowScorer.TryCreate(inner, null);
        Assert.NotNull(innerScorer);
        var pclass = bundle.Schema.Columns.Select(c => c.Name).ToList().IndexOf("Pclass");
        var records = RowParity.Records(bundle, TitanicFiles.ReadValidation());
        records.ForEach(record => record[pclass] = tier);

        var answers = records.Select(r => RowParity.ByRow(scorer, r)).ToList();

        Assert.Equal(records.Select(r => RowParity.ByRow(innerScorer, r)), answers);
        Assert.Empty(RowParity.Disagreements(bundle, null, scorer, records.Select(r => (r, RowParity.ToTable(bundle, r)))));
        // Pclass is also a feature of the wrapped model, which refuses it missing: both paths then leave the row unscored.
        Assert.All(answers, a => Assert.Equal(!double.IsNaN(tier), a.Scored));
    }

    [Fact]
    public void TryCreate_MonotoneModel_CompilesTheWrappedModel()
    {
        Assert.NotNull(RowScorer.TryCreate(monotone.Bundle, RowParity.Validator(monotone.Bundle)));
        Assert.NotNull(RowScorer.TryCreate(monotone.Bundle, null));
    }

    [Fact]
    public void TryCreate_ColumnTransformerStep_ReturnsNull()
    {
        using var temp = new TempDirectory();
        var spec = temp.Write("columns.yaml", """
            name: columns
            target:
              column: Survived
              positive: "1"
            inputs:
              Pclass: numeric
              Name: text
              Sex: text
              Age: numeric
              SibSp: numeric
              Parch: numeric
              Fare: numeric
              Embarked: text
            features:
              - step: title
              - step: family_size
                columns: [SibSp, Parch]
                to: FamilySize
              - step: column_transformer
                remainder: passthrough
                parts:
                  - name: numeric
                    columns: [Age, Fare, FamilySize]
                    steps:
                      - step: impute
                        strategy: median
                      - step: standard_scale
                  - name: categorical
                    columns: [Pclass, Sex, Embarked, Title]
                    steps:
                      - step: impute
                        strategy: most_frequent
                      - step: one_hot
                        unknown: all_zeros
            learner:
              type: fast_tree
              trees: 20
            """);
        var bundle = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(spec, TitanicFiles.Train);

        // The table path scores it; only the row form is missing.
        Assert.Equal(5, bundle.Model.Transform(bundle.Examples).RowCount);
        Assert.Null(RowScorer.TryCreate(bundle, null));
    }

    [Fact]
    public void TryCreate_RowFormThatDisagreesOnTheExamples_ReturnsNull()
    {
        var (features, learner) = Split(trained.Titanic);
        var columns = learner.FeatureColumns.ToArray();
        var faithful = WithModel(trained.Titanic, new PipelineTransformer([.. features, new RowFormStep(columns, x => x), learner]));
        var wrong = WithModel(trained.Titanic, new PipelineTransformer([.. features, new RowFormStep(columns, x => 1 - x), learner]));

        Assert.NotNull(RowScorer.TryCreate(faithful, RowParity.Validator(faithful)));
        Assert.Null(RowScorer.TryCreate(wrong, RowParity.Validator(wrong)));
    }

    [Fact]
    public void TryCreate_ModelWithoutABinaryClassifier_ReturnsNull()
    {
        var (features, _) = Split(trained.Titanic);

        Assert.Null(RowScorer.TryCreate(WithModel(trained.Titanic, new PipelineTransformer(features)), null));
    }

    [Theory]
    [InlineData("titanic")]
    [InlineData("scaled")]
    [InlineData("monotone")]
    public void TryScore_FromManyThreads_SameAnswersAsOneThread(string bundleName)
    {
        var bundle = Bundle(bundleName);
        var scorer = Scorer(bundle);
        var records = BaseRecords(bundle).Concat(PerturbedRecords.Create(bundle, BaseRecords(bundle), count: 1500, seed: 77)).ToList();
        var expected = records.Select(r => RowParity.ByRow(scorer, r)).ToArray();
        var actual = new RowAnswer[records.Count];

        for (var round = 0; round < 3; round++)
        {
            Array.Clear(actual);
            Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = RowParity.ByRow(scorer, records[i]));

            Assert.Equal(expected, actual);
        }

        Assert.Contains(expected, a => a.Scored);
        Assert.Contains(expected, a => !a.Scored);
    }

    [Fact]
    public void Return_FilledRow_ComesBackWithEveryInputMissing()
    {
        var bundle = trained.Titanic;
        var scorer = Scorer(bundle);
        var row = scorer.Rent();
        RowParity.Fill(row, RowParity.Records(bundle, TitanicFiles.ReadValidation())[0]);
        Assert.True(scorer.TryScore(row, out _));

        scorer.Return(row);
        var again = scorer.Rent();

        Assert.Same(row, again);
        Assert.Equal(bundle.Schema.Columns.Count, again.InputCount);
        Assert.All(Enumerable.Range(0, again.InputCount), i => Assert.True(double.IsNaN(again.GetNumber(i))));
        Assert.All(Enumerable.Range(0, again.InputCount), i => Assert.Null(again.GetText(i)));
        Assert.False(scorer.TryScore(again, out _));
    }

    [Fact]
    public void Rent_FreshRow_EveryInputMissing()
    {
        var row = Scorer(trained.Baseline).Rent();

        Assert.Equal(3, row.InputCount);
        Assert.All(Enumerable.Range(0, row.InputCount), i => Assert.True(double.IsNaN(row.GetNumber(i))));
        Assert.All(Enumerable.Range(0, row.InputCount), i => Assert.Null(row.GetText(i)));
    }

    private ModelBundle Bundle(string name) => name switch
    {
        "titanic" => trained.Titanic,
        "baseline" => trained.Baseline,
        "scaled" => specs.Scaled,
        "binned" => specs.Binned,
        "monotone" => monotone.Bundle,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static RowScorer Scorer(ModelBundle bundle)
    {
        var scorer = RowScorer.TryCreate(bundle, RowParity.Validator(bundle));
        Assert.NotNull(scorer);
        return scorer;
    }

    private static RowPrediction Score(RowScorer scorer, object?[] record)
    {
        var row = scorer.Rent();
        RowParity.Fill(row, record);
        Assert.True(scorer.TryScore(row, out var prediction), "Expected the row to score.");
        scorer.Return(row);
        return prediction;
    }

    private static List<object?[]> BaseRecords(ModelBundle bundle) =>
    [
        .. RowParity.Records(bundle, TitanicFiles.ReadValidation()),
        .. RowParity.Records(bundle, CsvReader.ReadFile(TitanicFiles.Predict)),
    ];

    private static (ITransformer[] Features, BinaryClassifierTransformer Learner) Split(ModelBundle bundle)
    {
        var steps = FittedSteps.Of(bundle.Model);
        return (steps[..^1], (BinaryClassifierTransformer)steps[^1]);
    }

    private static ModelBundle WithModel(ModelBundle bundle, ITransformer model) => new(
        bundle.Name, TitanicFiles.TrainedAt, bundle.SpecText, bundle.Schema, bundle.Profile, bundle.Metrics, bundle.Lineage, bundle.Examples, model, bundle.ContractText);

    // Leaves a table as it is; its row form writes f(x) into a fresh slot for each column.
    private sealed class RowFormStep(string[] columns, Func<double, double> rowForm) : ITransformer, IRowCompilable
    {
        public string Kind => "test_row_form";

        public Table Transform(Table data) => data;

        public void Save(TransformerWriter writer)
        {
        }

        RowStep? IRowCompilable.CompileRow(RowLayout layout)
        {
            var sources = new int[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                if (!layout.TryGet(columns[c], ColumnType.Numeric, out sources[c]))
                {
                    return null;
                }
            }

            var outputs = Array.ConvertAll(columns, name => layout.Put(name, ColumnType.Numeric));
            return row =>
            {
                for (var c = 0; c < sources.Length; c++)
                {
                    row.Numbers[outputs[c]] = rowForm(row.Numbers[sources[c]]);
                }

                return true;
            };
        }
    }
}
