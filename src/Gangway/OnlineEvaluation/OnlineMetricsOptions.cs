namespace Gangway.OnlineEvaluation;

/// <summary>How <see cref="OnlineMetrics"/> reads labels and computes intervals. Every property has a documented default.</summary>
public sealed record OnlineMetricsOptions
{
    /// <summary>The text of the positive class in labels and predictions (the model's positive label). Default <c>1</c>.</summary>
    public string PositiveLabel { get; init; } = "1";

    /// <summary>The text of the negative class in labels and predictions. Default <c>0</c>.</summary>
    public string NegativeLabel { get; init; } = "0";

    /// <summary>The confidence level of every interval, strictly between 0 and 1. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The number of resamples behind the expected calibration error's interval, at least 10. Default 1,000.</summary>
    public int CalibrationResamples { get; init; } = 1000;

    /// <summary>The seed of those resamples: the same data and seed give the same interval. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Checks the options.</summary>
    /// <exception cref="GangwayException">The labels are empty or equal, the confidence is outside (0, 1) or there are fewer than 10 resamples.</exception>
    public OnlineMetricsOptions Validated()
    {
        if (string.IsNullOrEmpty(PositiveLabel) || string.IsNullOrEmpty(NegativeLabel) || PositiveLabel == NegativeLabel)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"The positive and negative labels must be two different non-empty texts; they are '{PositiveLabel}' and '{NegativeLabel}'.");
        }

        if (!(Confidence is > 0 and < 1))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The confidence level must be strictly between 0 and 1, e.g. 0.95; it is {Confidence}.");
        }

        return CalibrationResamples >= 10
            ? this
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"The number of calibration resamples must be at least 10; it is {CalibrationResamples}.");
    }
}
