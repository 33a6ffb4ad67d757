using MathNet.Numerics;

namespace Gangway.Evaluation;

/// <summary>
/// Exact binomial draws by inversion from the mode: the probability of the mode from log-gamma, then the neighbours by
/// the ratio of successive probabilities, alternately below and above, until the uniform draw is used up. Takes about
/// 1 + standard deviation steps, so a count of a million draws costs tens of steps, not a million coin flips.
/// </summary>
internal static class BinomialSampler
{
    /// <summary>A draw from Binomial(<paramref name="trials"/>, <paramref name="p"/>) given <paramref name="uniform"/> in [0, 1).</summary>
    public static int Sample(int trials, double p, double uniform)
    {
        if (trials == 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return trials;
        }

        var mode = (int)Math.Min(trials, Math.Floor((trials + 1) * p));
        var logMode = SpecialFunctions.GammaLn(trials + 1.0) - SpecialFunctions.GammaLn(mode + 1.0) - SpecialFunctions.GammaLn(trials - mode + 1.0)
            + (mode * Math.Log(p)) + ((trials - mode) * Math.Log(1 - p));
        var odds = p / (1 - p);
        var left = uniform - Math.Exp(logMode);
        double below = Math.Exp(logMode), above = below;
        int down = mode, up = mode;
        // Any fixed order of the outcomes is an inversion; mode, mode - 1, mode + 1, ... reaches the mass fastest.
        while (left > 0)
        {
            var canGoDown = down > 0 && below > 0;
            var canGoUp = up < trials && above > 0;
            if (!canGoDown && !canGoUp)
            {
                return mode; // only rounding is left over
            }

            if (canGoDown)
            {
                below *= down / ((trials - down + 1.0) * odds);
                down--;
                left -= below;
                if (left <= 0)
                {
                    return down;
                }
            }

            if (canGoUp)
            {
                up++;
                above *= (trials - up + 1.0) * odds / up;
                left -= above;
                if (left <= 0)
                {
                    return up;
                }
            }
        }

        return mode;
    }
}
