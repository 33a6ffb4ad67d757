using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Gangway.Evaluation;

/// <summary>McNemar (1947): compares the accuracies of two classifiers on the same rows through the rows they disagree on.</summary>
public static class McNemarTest
{
    /// <summary>Below this many discordant rows the p-value is the exact binomial one; the chi-square approximation is poor there.</summary>
    public const int ExactBelow = 25;

    /// <summary>Tests whether the second classifier's accuracy differs from the first's, from each row's correctness.</summary>
    /// <param name="firstCorrect">Whether the first classifier gets each row right.</param>
    /// <param name="secondCorrect">Whether the second classifier gets each row right, in the same order.</param>
    /// <param name="confidence">The confidence level of the interval for the difference, strictly between 0 and 1.</param>
    /// <exception cref="GangwayException">The arrays differ in length or are empty, or the confidence is outside (0, 1).</exception>
    public static McNemarResult Compare(IReadOnlyList<bool> firstCorrect, IReadOnlyList<bool> secondCorrect, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(firstCorrect);
        ArgumentNullException.ThrowIfNull(secondCorrect);
        if (firstCorrect.Count != secondCorrect.Count)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"McNemar's test needs both classifiers on the same rows; there are {firstCorrect.Count} and {secondCorrect.Count}.");
        }

        var onlyFirst = Enumerable.Range(0, firstCorrect.Count).Count(i => firstCorrect[i] && !secondCorrect[i]);
        var onlySecond = Enumerable.Range(0, firstCorrect.Count).Count(i => !firstCorrect[i] && secondCorrect[i]);
        return Compare(firstCorrect.Count, onlyFirst, onlySecond, confidence);
    }

    /// <summary>Tests from the discordant counts: b rows only the first gets right, c rows only the second, of <paramref name="rows"/>.</summary>
    /// <exception cref="GangwayException">A count is negative, b + c exceeds the rows, there are no rows, or the confidence is outside (0, 1).</exception>
    public static McNemarResult Compare(int rows, int onlyFirstCorrect, int onlySecondCorrect, double confidence = 0.95)
    {
        var (b, c) = (onlyFirstCorrect, onlySecondCorrect);
        if (rows <= 0 || b < 0 || c < 0 || b + c > rows)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"McNemar's test needs 0 <= b, c and b + c <= rows > 0; got rows {rows}, b {b}, c {c}.");
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"The confidence must be between 0 and 1 (exclusive); got {confidence.ToString(CultureInfo.InvariantCulture)}.");
        }

        var discordant = b + c;
        var exact = discordant < ExactBelow;
        var difference = (c - b) / (double)rows;
        var standardError = Math.Sqrt(Math.Max(0, discordant - ((double)(c - b) * (c - b) / rows))) / rows;
        var critical = Normal.InvCDF(0, 1, (1 + confidence) / 2);
        return new McNemarResult(
            rows,
            b,
            c,
            difference,
            standardError,
            confidence,
            difference - (critical * standardError),
            difference + (critical * standardError),
            exact,
            exact ? ExactPValue(b, c) : ChiSquarePValue(b, c));
    }

    // Two-sided: twice the smaller tail of Binomial(b + c, 1/2), capped at 1.
    private static double ExactPValue(int b, int c) =>
        b + c == 0 ? 1 : Math.Min(1, 2 * Binomial.CDF(0.5, b + c, Math.Min(b, c)));

    private static double ChiSquarePValue(int b, int c)
    {
        // With one degree of freedom the chi-square tail is erfc(sqrt(x / 2)), which keeps tiny p-values accurate where 1 - CDF would round to 0.
        var corrected = Math.Max(0, Math.Abs(b - c) - 1.0);
        return SpecialFunctions.Erfc(Math.Sqrt(corrected * corrected / (b + c) / 2));
    }
}
