using Gangway.Data;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>Turns a <see cref="ModelSpec"/> into the estimator it describes: its feature steps, then its learner.</summary>
public static class SpecEstimatorBuilder
{
    /// <summary>Builds the pipeline estimator of <paramref name="spec"/>.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="seed">The seed to use (normally <see cref="ModelSpec.Seed"/>).</param>
    /// <param name="steps">Feature steps to resolve names with (default: <see cref="FeatureStepCatalog.Default"/>).</param>
    /// <param name="learners">Learners to resolve names with (default: <see cref="LearnerCatalog.Default"/>).</param>
    /// <exception cref="GangwayException">
    /// A step or learner is unknown or badly configured (e.g. a misspelt argument); the message says where in the spec.
    /// Or a text input is read by no feature step, so the learner (which uses numbers only) would ignore it.
    /// </exception>
    public static PipelineEstimator Build(ModelSpec spec, int seed, FeatureStepCatalog? steps = null, LearnerCatalog? learners = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RequireEncodedTextInputs(spec);
        steps ??= FeatureStepCatalog.Default;
        learners ??= LearnerCatalog.Default;
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
        return new PipelineEstimator(estimators);
    }

    // The learner uses only numeric columns: a text input that no step reads would be left out without a word.
    private static void RequireEncodedTextInputs(ModelSpec spec)
    {
        var read = spec.Features.SelectMany(step => Names(step.Arguments)).ToHashSet(StringComparer.Ordinal);
        var unread = spec.Inputs.Where(c => c.Type == ColumnType.Text && !read.Contains(c.Name)).Select(c => $"'{c.Name}'").ToList();
        if (unread.Count > 0)
        {
            var them = unread.Count == 1 ? "it" : "them";
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Spec: text input{(unread.Count == 1 ? "" : "s")} {string.Join(", ", unread)} {(unread.Count == 1 ? "is" : "are")} read by no feature step, so the learner (which uses numbers only) would ignore {them}. Encode {them} (e.g. '- step: one_hot' with 'columns: [{unread[0].Trim('\'')}]') or remove {them} from 'inputs'.");
        }
    }

    // Every name a step's arguments mention (values, list items, nested keys and values).
    private static IEnumerable<string> Names(object? value) => value switch
    {
        string text => [text],
        IReadOnlyDictionary<string, object?> map => map.SelectMany(e => Names(e.Value).Prepend(e.Key)),
        IEnumerable<object?> list => list.SelectMany(Names),
        _ => [],
    };

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
