namespace Gangway.OnlineEvaluation;

/// <summary>How a <see cref="SequentialTest"/> mixes and when it starts. Every property has a documented default.</summary>
public sealed record SequentialTestOptions
{
    /// <summary>
    /// The confidence level 1 − α of the confidence sequence; the test rejects "no difference" when the always-valid
    /// p-value falls to α. Strictly between 0 and 1. Default 0.95.
    /// </summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// τ², the variance of the normal mixture over the difference, in the metric's units squared. <see langword="null"/>
    /// (the default) tunes it to be tightest near <see cref="TunedForRecords"/> records per variant:
    /// τ² = σ̂² (2 ln(1/α) + ln(1 + 2 ln(1/α))) / n*, with σ̂² the plug-in variance of one record of each variant.
    /// </summary>
    public double? MixtureVariance { get; init; }

    /// <summary>n*, the records per variant where the default mixture is tightest, at least 1. Default 1,000.</summary>
    public int TunedForRecords { get; init; } = 1000;

    /// <summary>
    /// The records each side needs before the statistic is first evaluated, at least 2: the plug-in variance of a handful
    /// of records is too unsteady to trust. Default 30.
    /// </summary>
    public int MinimumRecords { get; init; } = 30;

    /// <summary>Checks the options.</summary>
    /// <exception cref="GangwayException">A value is outside its range.</exception>
    public SequentialTestOptions Validated()
    {
        if (!(Confidence is > 0 and < 1))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The confidence level must be strictly between 0 and 1, e.g. 0.95; it is {Confidence}.");
        }

        if (MixtureVariance is { } tau && !(tau > 0 && double.IsFinite(tau)))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The mixture variance must be a positive number; it is {tau}.");
        }

        if (TunedForRecords < 1 || MinimumRecords < 2)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"A sequential test needs tuned_for_records of at least 1 and minimum_records of at least 2; they are {TunedForRecords} and {MinimumRecords}.");
        }

        return this;
    }
}
