using Gangway.Upsell;

namespace Gangway.Pipelines;

/// <summary>
/// The steps of a fitted model in order, feature steps then learner, looking through a
/// <see cref="MonotoneTierTransformer"/> (which scores the model it wraps once per tier): what inspection, training
/// records and the one-row scorer read the learner and its inputs from.
/// </summary>
public static class FittedSteps
{
    /// <summary>The steps of <paramref name="model"/>: a pipeline's steps, or the transformer itself as its one step.</summary>
    public static ITransformer[] Of(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inner = model is MonotoneTierTransformer monotone ? monotone.Inner : model;
        return inner is PipelineTransformer pipeline ? [.. pipeline.Steps] : [inner];
    }
}
