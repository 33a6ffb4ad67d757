using System.Globalization;
using System.Text;

namespace Gangway.Promotion;

/// <summary>The outcome of every promotion check, in the order the spec declares them. Immutable.</summary>
/// <param name="Results">One result per check.</param>
public sealed record GateReport(IReadOnlyList<GateResult> Results)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<GateResult> Failures => Results.Where(r => !r.Passed);

    /// <summary>
    /// A report for people, printed as is by the CLI: a summary line, then one line per check marked ✓ or ✗ with its
    /// numbers to 4 decimals, e.g. <c>✗ minimum roc_auc: 0.8364 (needs ≥ 0.8800)</c>; a check judged at a confidence
    /// level also gives its interval and test, e.g.
    /// <c>✗ minimum roc_auc: 0.8650, 95% interval [0.8120, 0.9110] (needs lower bound ≥ 0.8500; bootstrap)</c>.
    /// </summary>
    public string Describe()
    {
        var failed = Failures.Count();
        var text = new StringBuilder(failed == 0
            ? $"Promotion gates: passed ({Results.Count} checks)\n"
            : $"Promotion gates: FAILED ({failed} of {Results.Count} checks failed)\n");
        foreach (var result in Results)
        {
            text.Append(result.Passed ? "✓ " : "✗ ").Append(Line(result)).Append('\n');
        }

        return text.ToString();
    }

    private static string Line(GateResult result)
    {
        if (result.Kind == GateKind.Beats)
        {
            return Beats(result);
        }

        if (result.Confidence is { } confidence)
        {
            return WithInterval(result, confidence);
        }

        var kind = result.KindName;
        var value = result.Value is { } v ? (result.Kind == GateKind.Fairness ? "gap " : "") + Number(v) : "undefined";
        var bound = result.Threshold is { } t ? $" (needs {(result.AtMost ? "≤" : "≥")} {Number(t)}{Detail(result)})" : "";
        var note = result.Note is null ? "" : $"; {result.Note}";
        return $"{kind} {result.Subject}: {value}{bound}{note}";
    }

    private static string Detail(GateResult result) => result switch
    {
        { CurrentValue: { } current, Threshold: { } t } => $": current {Number(current)} {(result.AtMost ? "+" : "−")} tolerance {Number(Math.Abs(t - current))}",
        { Groups.Count: > 0 } => "; " + string.Join(", ", result.Groups.Select(g => $"{g.Group} {(g.Value is { } gv ? Number(gv) : "undefined")}")),
        _ => "",
    };

    // e.g. "no_regression roc_auc: 0.8482 vs current 0.9115, difference −0.0633, 95% interval [−0.1050, −0.0210] (fails if the upper bound < −0.0100; paired bootstrap)"
    private static string WithInterval(GateResult result, double confidence)
    {
        var value = result.Value is { } v ? Number(v) : "undefined";
        var level = Level(confidence);
        var interval = result.Interval is { } i ? $", {level} interval {Range(i, result.Kind == GateKind.NoRegression)}" : "";
        var note = result.Note is null ? "" : $"; {result.Note}";
        if (result.Kind == GateKind.NoRegression)
        {
            var tolerance = result.Threshold is { } t && result.CurrentValue is { } c ? Math.Abs(t - c) : 0;
            var versus = result.CurrentValue is { } current ? $" vs current {Number(current)}" : "";
            var difference = result.Difference is { } d ? $", difference {Signed(d)}" : "";
            var rule = result.Threshold is null ? "" : result.AtMost
                ? $" (fails if the {level} lower bound > {Signed(tolerance)}{Method(result)})"
                : $" (fails if the {level} upper bound < {Signed(-tolerance)}{Method(result)})";
            return $"{result.KindName} {result.Subject}: {value}{versus}{difference}{interval}{rule}{note}";
        }

        var bound = result.Threshold is { } threshold
            ? $" (needs {level} {(result.AtMost ? "upper bound ≤" : "lower bound ≥")} {Number(threshold)}{Method(result)})"
            : "";
        return $"{result.KindName} {result.Subject}: {value}{interval}{bound}{note}";
    }

    // e.g. "beats women_survive roc_auc: 0.9115 vs 0.7670, difference +0.1445, 95% interval [+0.0900, +0.2000], delong p < 0.001 (needs the candidate better at 95%)"
    private static string Beats(GateResult result)
    {
        var value = result.Value is { } v ? Number(v) : "undefined";
        var versus = result.CurrentValue is { } other ? $" vs {Number(other)}" : "";
        var difference = result.Difference is { } d ? $", difference {Signed(d)}" : "";
        var level = Level(result.Confidence ?? 0.95);
        var interval = result.Interval is { } i ? $", {level} interval {Range(i, signed: true)}" : "";
        var test = result.Test is null ? "" : $", {result.Test}" + (result.PValue is { } p ? $" p {P(p)}" : "");
        var note = result.Note is null ? "" : $"; {result.Note}";
        return $"beats {result.Subject}: {value}{versus}{difference}{interval}{test} (needs the candidate better at {level}){note}";
    }

    private static string Method(GateResult result) => result.Test is null ? "" : $"; {result.Test}";

    private static string Level(double confidence) => confidence.ToString("0.##%", CultureInfo.InvariantCulture);

    private static string Range(Evaluation.ConfidenceInterval interval, bool signed) => signed
        ? $"[{Signed(interval.Lower)}, {Signed(interval.Upper)}]"
        : $"[{Number(interval.Lower)}, {Number(interval.Upper)}]";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Number(Math.Abs(value));

    private static string P(double value) => value < 0.001 ? "< 0.001" : "= " + value.ToString("G2", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
