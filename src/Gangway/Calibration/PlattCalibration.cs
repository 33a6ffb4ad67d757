using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Calibration;

/// <summary>
/// Platt scaling of a probability p: <c>1 / (1 + exp(-(Slope · logit(p) + Offset)))</c>, fitted by maximum likelihood
/// with Platt's smoothed targets ((N₊ + 1) / (N₊ + 2) for positives, 1 / (N₋ + 2) for negatives) and Newton's method with
/// a backtracking line search (Lin, Lin and Weng, 2007). Like scikit-learn's _SigmoidCalibration on the decision logit.
/// </summary>
public sealed class PlattCalibration : ProbabilityCalibrator
{
    // Keeps logit(p) finite for p = 0 or 1 (a float probability can be exactly either).
    private const double Epsilon = 1e-12;
    private const int MaxIterations = 100;

    /// <summary>Creates the map from its parameters.</summary>
    /// <exception cref="GangwayException">A parameter is not finite, or the slope is negative (the map would reorder rows).</exception>
    public PlattCalibration(double slope, double offset)
    {
        if (!double.IsFinite(slope) || !double.IsFinite(offset) || slope < 0)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                string.Create(CultureInfo.InvariantCulture, $"Platt calibration needs a finite slope of at least 0 and a finite offset; got slope {slope}, offset {offset}."));
        }

        Slope = slope;
        Offset = offset;
    }

    /// <summary>The factor on the logit of the model's probability (1 with offset 0 is the identity).</summary>
    public double Slope { get; }

    /// <summary>The constant added to the scaled logit.</summary>
    public double Offset { get; }

    /// <inheritdoc />
    public override CalibrationMethod Method => CalibrationMethod.Platt;

    /// <summary>Fits the map on probabilities and the true classes of the same rows.</summary>
    /// <param name="probability">The model's probabilities (out-of-fold, never of rows it will be judged on).</param>
    /// <param name="actual">Whether each row is positive.</param>
    /// <exception cref="GangwayException">The arrays differ in length, or both classes are not present.</exception>
    public static PlattCalibration Fit(IReadOnlyList<double> probability, IReadOnlyList<bool> actual)
    {
        CalibrationData.Check(probability, actual, "Platt");
        var z = probability.Select(Logit).ToArray();
        var positives = actual.Count(a => a);
        var negatives = actual.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var t = actual.Select(a => a ? high : low).ToArray();

        // Newton's method on the negative log-likelihood of sigmoid(a·z + b) against the smoothed targets.
        double a = 1, b = 0;
        var loss = Loss(z, t, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (var i = 0; i < z.Length; i++)
            {
                var p = Sigmoid((a * z[i]) + b);
                var residual = p - t[i];
                var weight = p * (1 - p);
                ga += residual * z[i];
                gb += residual;
                haa += weight * z[i] * z[i];
                hab += weight * z[i];
                hbb += weight;
            }

            if (Math.Abs(ga) < 1e-10 && Math.Abs(gb) < 1e-10)
            {
                break;
            }

            var determinant = (haa * hbb) - (hab * hab);
            var (da, db) = ((-(hbb * ga) + (hab * gb)) / determinant, ((hab * ga) - (haa * gb)) / determinant);
            var step = 1.0;
            while (step > 1e-10)
            {
                var trial = Loss(z, t, a + (step * da), b + (step * db));
                if (trial <= loss + (1e-4 * step * ((ga * da) + (gb * db))))
                {
                    (a, b, loss) = (a + (step * da), b + (step * db), trial);
                    break;
                }

                step /= 2;
            }

            if (step <= 1e-10)
            {
                break;
            }
        }

        // A negative slope means the model ranks backwards on these rows; calibration must not reorder, so flatten instead.
        return a >= 0 ? new PlattCalibration(a, b) : new PlattCalibration(0, Logit(actual.Count(x => x) / (double)actual.Count));
    }

    /// <inheritdoc />
    public override double Calibrate(double probability) => Sigmoid((Slope * Logit(probability)) + Offset);

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"platt: 1 / (1 + exp(-({Slope:0.####} · logit(p) {(Offset < 0 ? '-' : '+')} {Math.Abs(Offset):0.####})))");

    /// <inheritdoc />
    internal override JsonObject ToJson() => new() { ["method"] = "platt", ["slope"] = Slope, ["offset"] = Offset };

    internal static PlattCalibration Read(JsonObject json, Func<string, string, Exception> corrupt)
    {
        double Read(string key) => json[key] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number)
            ? number
            : throw corrupt(key, "is not a finite number");
        var slope = Read("slope");
        return slope >= 0 ? new PlattCalibration(slope, Read("offset")) : throw corrupt("slope", "is negative");
    }

    private static double Logit(double p)
    {
        var clipped = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return Math.Log(clipped / (1 - clipped));
    }

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Loss(double[] z, double[] t, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < z.Length; i++)
        {
            // log(1 + exp(x)) - t·x, computed without overflow.
            var x = (a * z[i]) + b;
            loss += (x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x))) - (t[i] * x);
        }

        return loss;
    }
}
