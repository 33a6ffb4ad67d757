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
    /// numbers to 4 decimals, e.g. <c>✗ minimum roc_auc: 0.8364 (needs ≥ 0.8800)</c>.
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

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
