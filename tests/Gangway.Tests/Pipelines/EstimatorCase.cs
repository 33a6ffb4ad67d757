using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Tests.Pipelines;

/// <summary>One estimator configuration for the shared conformance suite (sklearn's check_estimator).</summary>
/// <param name="Name">Shown in test output.</param>
/// <param name="Create">Builds a fresh estimator each call.</param>
/// <param name="TrainingData">Data it fits on (also used for transform checks).</param>
/// <param name="RequiredColumn">A column it needs; removing it must give a clear missing-column error.</param>
/// <param name="WrongTypeReplacement">
/// A replacement for <paramref name="RequiredColumn"/> with the wrong type (same name), or null when the estimator accepts both types.
/// </param>
public sealed record EstimatorCase(
    string Name,
    Func<IEstimator> Create,
    Table TrainingData,
    string RequiredColumn,
    Column? WrongTypeReplacement)
{
    public override string ToString() => Name;
}

/// <summary>Implemented by each test area that contributes estimators to the conformance suite; found by reflection.</summary>
public interface IEstimatorCaseSource
{
    IEnumerable<EstimatorCase> Cases { get; }
}
