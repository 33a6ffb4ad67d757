using System.Globalization;

namespace Gangway.Calibration;

/// <summary>The checks every calibrator fit makes on its data.</summary>
internal static class CalibrationData
{
    public static void Check(IReadOnlyList<double> probability, IReadOnlyList<bool> actual, string method)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(actual);
        if (probability.Count != actual.Count)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"A {method} calibrator needs one class per probability; got {probability.Count} probabilities and {actual.Count} classes.");
        }

        if (!actual.Contains(true) || !actual.Contains(false))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"A {method} calibrator needs rows of both classes; the {actual.Count} rows given have only one.");
        }

        for (var row = 0; row < probability.Count; row++)
        {
            if (!(probability[row] is >= 0 and <= 1))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    string.Create(CultureInfo.InvariantCulture, $"A {method} calibrator needs probabilities in [0, 1]; row {row} has {probability[row]}."));
            }
        }
    }
}
