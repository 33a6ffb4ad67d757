using Gangway.Calibration;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;
using Gangway.Upsell;

namespace Gangway.Training;

/// <summary>Turns a <see cref="ModelSpec"/> into the estimator it describes: its feature steps, then its learner.</summary>
public static class SpecEstimatorBuilder
{
    /// <summary>
    /// Builds the estimator of <paramref name="spec"/>: a <see cref="PipelineEstimator"/>, wrapped in a
    /// <see cref="CalibratedPipelineEstimator"/> (folds seeded by <paramref name="seed"/>) when the spec asks for calibration.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="seed">The seed to use (normally <see cref="ModelSpec.Seed"/>).</param>
    /// <param name="catalog">The steps and learners to resolve names with (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    /// <exception cref="GangwayException">A step or learner is unknown or badly configured (e.g. a misspelt argument); the message says where in the spec.</exception>
    public static IEstimator<PipelineTransformer> Build(ModelSpec spec, int seed, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        catalog ??= GangwayCatalog.BuiltIn;
        var steps = catalog.FeatureSteps;
        var learners = catalog.Learners;
        var estimators = new List<IEstimator>(spec.Features.Count + 1);
        foreach (var step in spec.Features)
        {
            estimators.Add(Located(step, () => steps.Create(step.Name, step.ToArguments())));
        }

        var options = new BinaryClassifierOptions(spec.Target.Column, spec.Target.PositiveClass)
        {
            ExcludedColumns = [.. spec.IdColumns.Select(c => c.Name)],
            Seed = seed,
        };
        estimators.Add(Located(spec.Learner, () => learners.Create(spec.Learner.Name, options, spec.Learner.ToArguments())));
        var pipeline = new PipelineEstimator(estimators);
        return spec.Calibration is { } calibration
            ? new CalibratedPipelineEstimator(pipeline, spec.Target.Column, spec.Target.PositiveClass, calibration.Method, calibration.Folds, seed)
            : pipeline;
    }

    /// <summary>
    /// The estimator of the whole model <paramref name="spec"/> describes: <see cref="Build"/>'s pipeline, wrapped in a
    /// <see cref="MonotoneTierEstimator"/> when the spec's <c>upsell.monotone</c> is true (so the projection acts on the
    /// pipeline's final probability). Training and cross-validation fit this.
    /// </summary>
    /// <exception cref="GangwayException">As <see cref="Build"/>.</exception>
    public static IEstimator BuildModel(ModelSpec spec, int seed, GangwayCatalog? catalog = null)
    {
        var pipeline = Build(spec, seed, catalog);
        return spec.Upsell is { Monotone: true } upsell
            ? new MonotoneTierEstimator(pipeline, upsell, spec.Inputs.First(c => c.Name == upsell.Column).Type)
            : pipeline;
    }

    private static IEstimator Located(StepSpec step, Func<IEstimator> create)
    {
        try
        {
            return create();
        }
        catch (GangwayException ex) when (step.Location is not null)
        {
            throw new GangwayException(ex.Kind, $"Spec '{step.Location}': {ex.Message}", ex);
        }
    }
}
