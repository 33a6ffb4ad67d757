using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tuning;

/// <summary>Applies tuning candidates to a spec: each candidate is the spec with some arguments (or the seed) changed.</summary>
public static class CandidateSpecs
{
    /// <summary>Checks that every parameter of <paramref name="grid"/> names something in <paramref name="spec"/>.</summary>
    /// <exception cref="GangwayException">A path names no step of the spec (InvalidConfiguration); the message lists the steps present.</exception>
    public static void Check(ModelSpec spec, TuningGrid grid)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        foreach (var parameter in grid.Parameters)
        {
            _ = ParameterTarget.Resolve(spec, parameter.Path);
        }
    }

    /// <summary>
    /// The spec <paramref name="candidate"/> describes: a new spec with its values set (the original is unchanged),
    /// validated like a spec read from a file, including building its steps and learner, so a bad value fails here with
    /// the usual spec message, prefixed with the candidate.
    /// </summary>
    /// <param name="spec">The spec whose parameters are tuned.</param>
    /// <param name="candidate">The values to set.</param>
    /// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    /// <exception cref="GangwayException">A path names nothing in the spec, or a value breaks a rule of its step (InvalidConfiguration).</exception>
    public static ModelSpec Apply(ModelSpec spec, TuningCandidate candidate, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(candidate);
        var features = spec.Features.ToArray();
        var learner = spec.Learner;
        var seed = spec.Seed;
        foreach (var parameter in candidate.Parameters)
        {
            var target = ParameterTarget.Resolve(spec, parameter.Path);
            if (target.IsSeed)
            {
                seed = int.TryParse(parameter.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new GangwayException(ErrorKind.InvalidConfiguration, $"Candidate {candidate.Number}: 'seed' must be a whole number; got '{parameter.Text}'.");
            }
            else if (target.FeatureIndex is { } index)
            {
                features[index] = With(features[index], target.Argument!, parameter.Value);
            }
            else
            {
                learner = With(learner, target.Argument!, parameter.Value);
            }
        }

        var result = spec with { Features = features, Learner = learner, Seed = seed };
        try
        {
            ModelSpecValidator.Validate(result);
            _ = SpecEstimatorBuilder.Build(result, result.Seed, catalog);
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ex.Kind, $"Candidate {candidate.Number} ({candidate.Describe()}): {ex.Message}", ex);
        }

        return result;
    }

    private static StepSpec With(StepSpec step, string argument, object? value)
    {
        var arguments = new Dictionary<string, object?>(step.Arguments, StringComparer.Ordinal) { [argument] = value };
        return step with { Arguments = arguments };
    }
}
