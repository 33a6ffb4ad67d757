namespace Gangway.Evaluation;

/// <summary>How <see cref="BinaryClassificationEvaluator"/> computes bootstrap confidence intervals.</summary>
public sealed record BootstrapOptions
{
    /// <summary>The default number of resamples: 1,000.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The fewest rows a slice needs for an interval: 30. Below that a percentile interval means little.</summary>
    public const int MinimumRows = 30;

    /// <summary>The number of resamples, at least 10. Default <see cref="DefaultResamples"/>.</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>The confidence level of the intervals, strictly between 0 and 1. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The seed the resamples are drawn from (a spec's <c>seed</c>). Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Checks the options.</summary>
    /// <exception cref="GangwayException">The number of resamples is below 10 or the confidence is not strictly between 0 and 1.</exception>
    public BootstrapOptions Validated()
    {
        if (Resamples < 10)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The number of bootstrap resamples must be at least 10; it is {Resamples}.");
        }

        return Confidence is > 0 and < 1
            ? this
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"The confidence level must be strictly between 0 and 1, e.g. 0.95; it is {Confidence}.");
    }
}
