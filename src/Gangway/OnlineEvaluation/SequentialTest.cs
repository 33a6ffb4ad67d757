namespace Gangway.OnlineEvaluation;

/// <summary>
/// The mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh (2017, "Peeking at A/B
/// tests") for the difference of two means, challenger minus champion, with a normal mixture over the difference and a
/// plug-in variance. Records are added as they arrive; after each one the test updates an always-valid p-value and a
/// confidence sequence, so looking at <see cref="Result"/> after every record does not inflate false positives the way
/// a repeated t-test does. Unpaired for two variants serving different records (a canary); paired for a shadow scored on
/// the champion's own records, where what both get right or wrong together cancels out. The maths, its assumptions and
/// what it does not protect against are in docs/deployments.md. Not thread-safe.
/// </summary>
public sealed class SequentialTest
{
    private readonly SequentialTestOptions _options;
    private readonly double _logInverseAlpha;
    private readonly double _mixtureScale;
    private RunningMoments _champion;
    private RunningMoments _challenger;
    private RunningMoments _differences;
    private double _lower = double.NegativeInfinity;
    private double _upper = double.PositiveInfinity;
    private double _pValue = 1;
    private double _logMaxLambda;

    /// <summary>Starts a test with no records.</summary>
    /// <param name="paired">Whether records come in pairs (<see cref="AddPair"/>) or one variant at a time.</param>
    /// <param name="options">The mixture and start; defaults when <see langword="null"/>.</param>
    /// <exception cref="GangwayException">The options are invalid.</exception>
    public SequentialTest(bool paired, SequentialTestOptions? options = null)
    {
        _options = (options ?? new SequentialTestOptions()).Validated();
        Paired = paired;
        _logInverseAlpha = Math.Log(1 / (1 - _options.Confidence));
        // Howard, Ramdas, McAuliffe and Sekhon (2021): this mixture makes the boundary nearly tightest at n* records.
        _mixtureScale = ((2 * _logInverseAlpha) + Math.Log(1 + (2 * _logInverseAlpha))) / _options.TunedForRecords;
    }

    /// <summary>Whether the test takes pairs.</summary>
    public bool Paired { get; }

    /// <summary>The test after the records added so far.</summary>
    public SequentialTestResult Result => new(
        Paired,
        _champion.Count,
        _challenger.Count,
        _champion.Count > 0 && _challenger.Count > 0 ? _challenger.Mean - _champion.Mean : double.NaN,
        _lower,
        _upper,
        _pValue,
        _options.Confidence);

    /// <summary>Adds one record of the champion (unpaired tests only).</summary>
    /// <exception cref="InvalidOperationException">The test is paired.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public void AddChampion(double value)
    {
        RequirePaired(false);
        _champion.Add(Finite(value));
        Update();
    }

    /// <summary>Adds one record of the challenger (unpaired tests only).</summary>
    /// <exception cref="InvalidOperationException">The test is paired.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public void AddChallenger(double value)
    {
        RequirePaired(false);
        _challenger.Add(Finite(value));
        Update();
    }

    /// <summary>Adds the champion's and the challenger's value on the same record (paired tests only).</summary>
    /// <exception cref="InvalidOperationException">The test is not paired.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public void AddPair(double champion, double challenger)
    {
        RequirePaired(true);
        _champion.Add(Finite(champion));
        _challenger.Add(Finite(challenger));
        _differences.Add(challenger - champion);
        Update();
    }

    private void Update()
    {
        if (_champion.Count < _options.MinimumRecords || _challenger.Count < _options.MinimumRecords)
        {
            return;
        }

        // The estimate of the difference, its variance s², and the variance of one record of each side.
        double estimate, variance, perRecord;
        if (Paired)
        {
            (estimate, perRecord) = (_differences.Mean, _differences.Variance);
            variance = perRecord / _differences.Count;
        }
        else
        {
            estimate = _challenger.Mean - _champion.Mean;
            perRecord = _challenger.Variance + _champion.Variance;
            variance = (_challenger.Variance / _challenger.Count) + (_champion.Variance / _champion.Count);
        }

        if (!(variance > 0))
        {
            return; // every record alike so far: no variance to plug in yet
        }

        var tau = _options.MixtureVariance ?? (_mixtureScale * perRecord);
        // ln Λ = −½ ln((s² + τ²) / s²) + τ² θ̂² / (2 s² (s² + τ²)): in logs to stay finite, compared in logs to save an exp.
        var logSpread = Math.Log((variance + tau) / variance);
        var logLambda = (-0.5 * logSpread) + (tau * estimate * estimate / (2 * variance * (variance + tau)));
        if (logLambda > _logMaxLambda)
        {
            _logMaxLambda = logLambda;
            _pValue = Math.Min(1, Math.Exp(-logLambda));
        }

        // The differences θ with Λ(θ) < 1/α: θ̂ ± √(2 s² (s² + τ²) / τ² · (ln(1/α) + ½ ln((s² + τ²) / s²))).
        var radius = Math.Sqrt(2 * variance * (variance + tau) / tau * (_logInverseAlpha + (0.5 * logSpread)));
        var (lower, upper) = (Math.Max(_lower, estimate - radius), Math.Min(_upper, estimate + radius));
        // An empty intersection means the plug-in model is off; keep the last non-empty sequence rather than report none.
        if (lower <= upper)
        {
            (_lower, _upper) = (lower, upper);
        }
    }

    private void RequirePaired(bool paired)
    {
        if (Paired != paired)
        {
            throw new InvalidOperationException(Paired
                ? "This sequential test is paired: add records with AddPair."
                : "This sequential test is unpaired: add records with AddChampion and AddChallenger.");
        }
    }

    private static double Finite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A sequential test needs finite values.");
}
