using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>
/// A sequence of estimators that is itself an estimator: fitting fits each step on the output of the steps before it.
/// Like scikit-learn's Pipeline.
/// </summary>
public sealed class PipelineEstimator : IEstimator<PipelineTransformer>
{
    /// <summary>Creates a pipeline of the given steps, in order.</summary>
    /// <exception cref="ArgumentException">No steps were given.</exception>
    public PipelineEstimator(IEnumerable<IEstimator> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        if (Steps.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one step.", nameof(steps));
        }
    }

    /// <summary>Creates a pipeline of the given steps, in order.</summary>
    public PipelineEstimator(params IEstimator[] steps)
        : this((IEnumerable<IEstimator>)steps)
    {
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IEstimator> Steps { get; }

    /// <summary>A new pipeline with <paramref name="step"/> appended.</summary>
    public PipelineEstimator Append(IEstimator step) => new([.. Steps, step]);

    /// <inheritdoc />
    public PipelineTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var fitted = new List<ITransformer>(Steps.Count);
        var current = data;
        for (var i = 0; i < Steps.Count; i++)
        {
            var transformer = Steps[i].Fit(current);
            fitted.Add(transformer);
            if (i < Steps.Count - 1)
            {
                current = transformer.Transform(current);
            }
        }

        return new PipelineTransformer(fitted);
    }
}
