using Microsoft.Extensions.ObjectPool;
using Microsoft.ML.Data;
using ML = Microsoft.ML;

namespace Gangway.Learners;

/// <summary>
/// One ML.NET prediction engine with its own input and output rows. An engine is not thread-safe (shared, it silently
/// mixes up rows), so each caller takes one from a <see cref="LearnerScorerPool"/> and returns it.
/// </summary>
internal sealed class LearnerScorer
{
    private readonly ML.PredictionEngine<LearnerInput, LearnerOutput> _engine;
    private LearnerOutput _output = new();

    public LearnerScorer(ML.MLContext context, ML.ITransformer model, SchemaDefinition inputSchema, int featureCount)
    {
        _engine = context.Model.CreatePredictionEngine<LearnerInput, LearnerOutput>(
            model,
            ignoreMissingColumns: true,
            inputSchemaDefinition: inputSchema);
        Input = new LearnerInput(featureCount);
    }

    /// <summary>The row to fill before <see cref="Predict"/>.</summary>
    public LearnerInput Input { get; }

    /// <summary>The probability of the positive class for <see cref="Input"/>.</summary>
    public float Predict()
    {
        _engine.Predict(Input, ref _output);
        return _output.Probability;
    }
}

/// <summary>A pool of <see cref="LearnerScorer"/>s over one fitted ML.NET model, so threads never share an engine.</summary>
internal sealed class LearnerScorerPool
{
    private readonly DefaultObjectPool<LearnerScorer> _pool;

    public LearnerScorerPool(ML.MLContext context, ML.ITransformer model, int featureCount)
    {
        var schema = LearnerInput.SchemaFor(featureCount);
        _pool = new DefaultObjectPool<LearnerScorer>(
            new Policy(() => new LearnerScorer(context, model, schema, featureCount)),
            Environment.ProcessorCount * 2);
    }

    public LearnerScorer Get() => _pool.Get();

    public void Return(LearnerScorer scorer) => _pool.Return(scorer);

    private sealed class Policy(Func<LearnerScorer> create) : PooledObjectPolicy<LearnerScorer>
    {
        public override LearnerScorer Create() => create();

        public override bool Return(LearnerScorer obj) => true;
    }
}
