namespace Gangway.Calibration;

/// <summary>How a model's probabilities are recalibrated (the spec's <c>calibration:</c> key).</summary>
public enum CalibrationMethod
{
    /// <summary>
    /// Platt scaling: a logistic regression on the logit of the model's probability. Two parameters, so it needs little
    /// data, but it can only stretch and shift the probabilities. Like scikit-learn's CalibratedClassifierCV(method='sigmoid').
    /// </summary>
    Platt,

    /// <summary>
    /// Isotonic regression: the best non-decreasing step function of the model's probability (pool adjacent violators),
    /// interpolated linearly. Corrects any monotone distortion but needs more data. Like scikit-learn's
    /// CalibratedClassifierCV(method='isotonic').
    /// </summary>
    Isotonic,
}
