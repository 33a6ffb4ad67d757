using System.Text.Json.Nodes;

namespace Gangway.Calibration;

/// <summary>
/// The calibrator a <see cref="CalibratedPipelineEstimator"/> fitted, with what it was fitted on: the out-of-fold
/// probabilities of the training rows, and their expected calibration error before and after. Saved with the learner.
/// </summary>
/// <param name="Calibrator">The fitted map from the model's probability to the calibrated one.</param>
/// <param name="Folds">The number of training folds the out-of-fold probabilities came from.</param>
/// <param name="Rows">The number of training rows (each with one out-of-fold probability).</param>
/// <param name="UncalibratedError">The expected calibration error of the out-of-fold probabilities.</param>
/// <param name="CalibratedError">
/// The expected calibration error of the same probabilities after calibration. The calibrator was fitted on them, so this
/// is optimistic; judge calibration on held-out data with <c>gangway evaluate</c>.
/// </param>
public sealed record FittedCalibration(ProbabilityCalibrator Calibrator, int Folds, int Rows, double UncalibratedError, double CalibratedError)
{
    /// <summary>The method, e.g. <see cref="CalibrationMethod.Platt"/>.</summary>
    public CalibrationMethod Method => Calibrator.Method;

    /// <summary>The record as JSON: the calibrator's parameters plus <c>folds</c>, <c>rows</c> and the two errors.</summary>
    public JsonObject ToJson()
    {
        var json = Calibrator.ToJson();
        json["folds"] = Folds;
        json["rows"] = Rows;
        json["out_of_fold_ece_uncalibrated"] = UncalibratedError;
        json["out_of_fold_ece_calibrated"] = CalibratedError;
        return json;
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; <paramref name="corrupt"/> builds the error for a bad entry (key, problem).</summary>
    internal static FittedCalibration FromJson(JsonObject json, Func<string, string, Exception> corrupt)
    {
        T Read<T>(string key) => json[key] is JsonValue value && value.TryGetValue<T>(out var result) ? result : throw corrupt(key, "is missing or not a number");
        return new FittedCalibration(
            ProbabilityCalibrator.FromJson(json, corrupt),
            Read<int>("folds"),
            Read<int>("rows"),
            Read<double>("out_of_fold_ece_uncalibrated"),
            Read<double>("out_of_fold_ece_calibrated"));
    }
}
