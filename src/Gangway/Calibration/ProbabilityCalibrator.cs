using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Calibration;

/// <summary>
/// A fitted map from a model's probability to a calibrated one, non-decreasing, so it never reorders rows. Built by
/// <see cref="PlattCalibration.Fit"/> or <see cref="IsotonicCalibration.Fit"/>; saved as plain numbers. Immutable and thread-safe.
/// </summary>
public abstract class ProbabilityCalibrator
{
    private protected ProbabilityCalibrator()
    {
    }

    /// <summary>The method that fitted the map.</summary>
    public abstract CalibrationMethod Method { get; }

    /// <summary>The calibrated probability of <paramref name="probability"/>, in [0, 1].</summary>
    public abstract double Calibrate(double probability);

    /// <summary>A one-line description of the fitted parameters, for <c>gangway inspect</c>.</summary>
    public abstract string Describe();

    /// <summary>The parameters as JSON (<c>method</c> and the method's numbers).</summary>
    internal abstract JsonObject ToJson();

    /// <summary>Reads what <see cref="ToJson"/> wrote; <paramref name="corrupt"/> builds the error for a bad entry (key, problem).</summary>
    internal static ProbabilityCalibrator FromJson(JsonObject json, Func<string, string, Exception> corrupt) =>
        (json["method"] is JsonValue method && method.TryGetValue<string>(out var name) ? name : null) switch
        {
            "platt" => PlattCalibration.Read(json, corrupt),
            "isotonic" => IsotonicCalibration.Read(json, corrupt),
            var other => throw corrupt("method", string.Create(CultureInfo.InvariantCulture, $"is '{other}'; expected platt or isotonic")),
        };
}
