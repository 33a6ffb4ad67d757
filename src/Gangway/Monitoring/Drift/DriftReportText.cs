using System.Globalization;
using System.Text;

namespace Gangway.Monitoring.Drift;

/// <summary>Writes a <see cref="DriftReport"/> as a plain-text table for a terminal.</summary>
internal static class DriftReportText
{
    private static readonly string[] Headers = ["column", "method", "statistic", "p_value", "threshold", "drifted", "ref_missing", "cur_missing", "other statistics"];

    public static string Write(DriftReport report)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(report.Columns.Select(c => new[]
        {
            c.Column,
            c.Method,
            Number(c.Statistic.Value),
            Number(c.Statistic.PValue),
            (c.ThresholdKind == DriftThresholdKind.PValueBelow ? "p < " : ">= ") + c.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
            c.Statistic.Value is null ? c.Statistic.Note ?? "-" : c.Drifted ? "DRIFT" : "no",
            Percent(c.Reference.MissingRate),
            Percent(c.Current.MissingRate),
            Others(c),
        }));
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Drift of {report.CurrentRows:N0} rows against a reference of {report.ReferenceRows:N0}: {report.DriftedCount} of {report.Columns.Count} columns drifted ({Percent(report.Share)}; the data set drifts at {Percent(report.ShareThreshold)}): {(report.Drifted ? "DRIFT" : "no drift")}{(report.RowsLeftOut > 0 ? $"; {report.RowsLeftOut:N0} rows left out (refused by the contract or the model)" : "")}\n");
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        foreach (var column in report.Columns.Where(c => c.NewCategories.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"New categories in {column.Column}: {string.Join(", ", column.NewCategories.Select(n => $"{n.Category} ({Percent(n.Share)})"))}\n");
        }

        if (report.MissingColumns.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Not in the current data: {string.Join(", ", report.MissingColumns)}\n");
        }

        return text.ToString();
    }

    private static string Others(ColumnDrift column) => string.Join(" ", column.Statistics
        .Where(s => s.Method != column.Method)
        .Select(s => $"{s.Method}={Number(s.Value)}{(s.PValue is { } p ? $" (p={Number(p)})" : "")}"));

    private static string Number(double? value) => value switch
    {
        null => "-",
        double.PositiveInfinity => "inf",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
