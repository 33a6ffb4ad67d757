using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing function of the model's probability closest (least squares) to the true
/// classes, found by pool adjacent violators, interpolated linearly between its points and constant beyond them. Like
/// scikit-learn's IsotonicRegression(out_of_bounds='clip') inside CalibratedClassifierCV(method='isotonic').
/// </summary>
public sealed class IsotonicCalibration : ProbabilityCalibrator
{
    private readonly double[] _thresholds;
    private readonly double[] _values;

    /// <summary>Creates the map from its points.</summary>
    /// <param name="thresholds">Model probabilities, strictly increasing, at least one.</param>
    /// <param name="values">The calibrated probability at each threshold, non-decreasing, in [0, 1].</param>
    /// <exception cref="GangwayException">The points are not as described.</exception>
    public IsotonicCalibration(IReadOnlyList<double> thresholds, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(values);
        if (Problem(thresholds, values) is { } problem)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Isotonic calibration points are invalid: {problem}.");
        }

        _thresholds = [.. thresholds];
        _values = [.. values];
    }

    /// <summary>The model probabilities where the map has a point, increasing.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The calibrated probability at each of <see cref="Thresholds"/>, non-decreasing.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc />
    public override CalibrationMethod Method => CalibrationMethod.Isotonic;

    /// <summary>Fits the map on probabilities and the true classes of the same rows.</summary>
    /// <param name="probability">The model's probabilities (out-of-fold, never of rows it will be judged on).</param>
    /// <param name="actual">Whether each row is positive.</param>
    /// <exception cref="GangwayException">The arrays differ in length, or both classes are not present.</exception>
    public static IsotonicCalibration Fit(IReadOnlyList<double> probability, IReadOnlyList<bool> actual)
    {
        CalibrationData.Check(probability, actual, "isotonic");
        var order = Enumerable.Range(0, probability.Count).OrderBy(i => probability[i]).ToArray();

        // Blocks of (first x, last x, weight, mean); rows with the same probability start in one block, as scikit-learn does.
        var blocks = new List<(double First, double Last, double Weight, double Mean)>();
        foreach (var i in order)
        {
            var (x, y) = (probability[i], actual[i] ? 1.0 : 0.0);
            if (blocks.Count > 0 && blocks[^1].Last == x)
            {
                blocks[^1] = Merge(blocks[^1], (x, x, 1, y));
            }
            else
            {
                blocks.Add((x, x, 1, y));
            }

            // Pool adjacent violators: merge backwards while the last block's mean is below the one before.
            while (blocks.Count > 1 && blocks[^2].Mean > blocks[^1].Mean)
            {
                blocks[^2] = Merge(blocks[^2], blocks[^1]);
                blocks.RemoveAt(blocks.Count - 1);
            }
        }

        // A block's two ends carry its value; interpolating between blocks equals interpolating over every row.
        var thresholds = new List<double>();
        var values = new List<double>();
        foreach (var block in blocks)
        {
            thresholds.Add(block.First);
            values.Add(block.Mean);
            if (block.Last > block.First)
            {
                thresholds.Add(block.Last);
                values.Add(block.Mean);
            }
        }

        return new IsotonicCalibration(thresholds, values);
    }

    /// <inheritdoc />
    public override double Calibrate(double probability)
    {
        if (double.IsNaN(probability))
        {
            return probability;
        }

        var index = Array.BinarySearch(_thresholds, probability);
        if (index >= 0)
        {
            return _values[index];
        }

        var above = ~index;
        if (above == 0)
        {
            return _values[0];
        }

        if (above == _thresholds.Length)
        {
            return _values[^1];
        }

        var (x0, x1, y0, y1) = (_thresholds[above - 1], _thresholds[above], _values[above - 1], _values[above]);
        return y0 + ((probability - x0) / (x1 - x0) * (y1 - y0));
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"isotonic: {_thresholds.Length} points, {_values[0]:0.###} at p ≤ {_thresholds[0]:0.###} up to {_values[^1]:0.###} at p ≥ {_thresholds[^1]:0.###}");

    /// <inheritdoc />
    internal override JsonObject ToJson() => new()
    {
        ["method"] = "isotonic",
        ["thresholds"] = new JsonArray([.. _thresholds.Select(t => JsonValue.Create(t))]),
        ["values"] = new JsonArray([.. _values.Select(v => JsonValue.Create(v))]),
    };

    internal static IsotonicCalibration Read(JsonObject json, Func<string, string, Exception> corrupt)
    {
        double[] Read(string key) => json[key] is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<double>(out _))
            ? [.. array.Select(n => n!.GetValue<double>())]
            : throw corrupt(key, "is not a list of numbers");
        var (thresholds, values) = (Read("thresholds"), Read("values"));
        return Problem(thresholds, values) is { } problem ? throw corrupt("thresholds", problem) : new IsotonicCalibration(thresholds, values);
    }

    private static (double, double, double, double) Merge((double First, double Last, double Weight, double Mean) a, (double First, double Last, double Weight, double Mean) b)
    {
        var weight = a.Weight + b.Weight;
        return (a.First, b.Last, weight, ((a.Mean * a.Weight) + (b.Mean * b.Weight)) / weight);
    }

    private static string? Problem(IReadOnlyList<double> thresholds, IReadOnlyList<double> values)
    {
        if (thresholds.Count == 0 || thresholds.Count != values.Count)
        {
            return $"{thresholds.Count} thresholds and {values.Count} values; they need the same number, at least one";
        }

        for (var i = 0; i < thresholds.Count; i++)
        {
            if (!double.IsFinite(thresholds[i]) || !(values[i] is >= 0 and <= 1))
            {
                return string.Create(CultureInfo.InvariantCulture, $"point {i} is ({thresholds[i]}, {values[i]}); thresholds must be finite and values in [0, 1]");
            }

            if (i > 0 && (thresholds[i] <= thresholds[i - 1] || values[i] < values[i - 1]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"point {i} does not increase from point {i - 1}");
            }
        }

        return null;
    }
}
