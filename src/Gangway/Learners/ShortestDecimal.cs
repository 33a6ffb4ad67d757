using System.Globalization;

namespace Gangway.Learners;

/// <summary>
/// Widens a float to the double a person reads in it: the double nearest to the float's shortest round-trip decimal
/// (0.1f becomes 0.1, not 0.100000001490116). Exactly <c>double.Parse(value.ToString())</c>, without the text for
/// the probabilities a model usually produces.
/// </summary>
internal static class ShortestDecimal
{
    // Within [MinFast, 1], value * 10^k is exact in a double for every k tried (24 + log2(5^12) < 53 bits).
    private const float MinFast = 1e-4f;
    private const int MaxDecimals = 12;

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, MaxDecimals + 1).Select(k => Math.Pow(10, k))];

    /// <summary>The double nearest to the shortest decimal that round-trips <paramref name="value"/>.</summary>
    public static double Widen(float value) =>
        value is >= MinFast and <= 1 && TryWidenFast(value, out var result) ? result : WidenThroughText(value);

    /// <summary>The definition: format the float in its shortest round-trip form and parse that as a double.</summary>
    public static double WidenThroughText(float value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        return double.Parse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    // Finds the fewest decimal places k for which a k-place decimal m / 10^k reads back as the float, as the
    // shortest-form formatter does: the closest such decimal to the value, or, when the closest falls just outside the
    // float's rounding interval, its neighbour on the other side. m / 10^k is computed as a correctly rounded double
    // division, which is what parsing the decimal gives. Any case that could round differently (an exact tie between
    // two decimals, or a quotient on a midpoint between two floats) is left to the text path.
    private static bool TryWidenFast(float value, out double result)
    {
        double exact = value;
        // No decimal farther than half a float step from the value can read back as it (a cheap, exact pre-check).
        var halfStep = ((double)MathF.BitIncrement(value) - exact) / 2;
        for (var k = 0; k <= MaxDecimals; k++)
        {
            var scale = PowersOfTen[k];
            var scaled = exact * scale;
            var closest = Math.Round(scaled);
            var distance = Math.Abs(scaled - closest);
            var reach = halfStep * scale;
            if (distance > reach && 1 - distance > reach)
            {
                continue;
            }

            if (distance == 0.5)
            {
                break;
            }

            if (ReadsBackAs(closest / scale, value, out var exactTie))
            {
                result = closest / scale;
                return !exactTie;
            }

            if (exactTie)
            {
                break;
            }

            var other = scaled > closest ? closest + 1 : closest - 1;
            if (ReadsBackAs(other / scale, value, out exactTie))
            {
                result = other / scale;
                return !exactTie;
            }

            if (exactTie)
            {
                break;
            }
        }

        result = 0;
        return false;
    }

    // Whether the double rounds to the float; `onMidpoint` when it lies exactly halfway between two floats, where
    // rounding the double need not agree with rounding the decimal it came from.
    private static bool ReadsBackAs(double candidate, float value, out bool onMidpoint)
    {
        const long BelowFloatPrecision = (1L << 29) - 1;
        onMidpoint = (BitConverter.DoubleToInt64Bits(candidate) & BelowFloatPrecision) == 1L << 28;
        return (float)candidate == value;
    }
}
