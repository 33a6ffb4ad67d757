using Gangway.Calibration;

namespace Gangway.Specs;

/// <summary>
/// The spec's <c>calibration:</c> key: recalibrate the model's probabilities on out-of-fold probabilities of the training
/// data (see <see cref="CalibratedPipelineEstimator"/>). In a spec file <c>calibration: platt</c>, or
/// <c>calibration: {method: isotonic, folds: 10}</c>.
/// </summary>
/// <param name="Method">Platt scaling or isotonic regression.</param>
/// <param name="Folds">The number of stratified training folds (default 5, at least 2).</param>
public sealed record CalibrationSpec(CalibrationMethod Method, int Folds = CalibratedPipelineEstimator.DefaultFolds);
