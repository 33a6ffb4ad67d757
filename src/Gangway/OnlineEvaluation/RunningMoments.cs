namespace Gangway.OnlineEvaluation;

/// <summary>Welford's running count, mean and sample variance of a stream of values.</summary>
internal struct RunningMoments
{
    private double _squares;

    public long Count { get; private set; }

    public double Mean { get; private set; }

    /// <summary>The sample variance (divisor count − 1); 0 with fewer than two values.</summary>
    public readonly double Variance => Count < 2 ? 0 : _squares / (Count - 1);

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _squares += delta * (value - Mean);
    }
}
