using System.Globalization;
using Gangway.Data;
using Gangway.Monitoring.Drift;

namespace Gangway.Specs;

/// <summary>
/// Reads the spec's <c>monitoring:</c> section. A forced column must be one of the model's inputs or its
/// <c>prediction</c> or <c>probability</c>; a method must be a <see cref="DriftTestCatalog"/> name that can compare the
/// column's type; a threshold must be finite and greater than 0; the share in (0, 1].
/// </summary>
internal static class MonitoringSpecReader
{
    /// <summary>The model's output columns, which drift may be computed on besides the inputs.</summary>
    public static readonly string[] OutputColumns = ["prediction", "probability"];

    public static MonitoringSpec Read(SpecNode node, IReadOnlyList<InputColumnSpec> inputs)
    {
        node.EnsureKnownKeys("drift");
        return new MonitoringSpec { Drift = node.Optional("drift") is { } drift ? ReadDrift(drift, inputs) : null };
    }

    private static DriftOptions ReadDrift(SpecNode node, IReadOnlyList<InputColumnSpec> inputs)
    {
        node.EnsureKnownKeys("share", "columns");
        var share = DriftOptions.DefaultShare;
        if (node.Optional("share") is { } shareNode)
        {
            share = shareNode.Double();
            if (!(share > 0 && share <= 1))
            {
                throw shareNode.Error($"must be a share of columns in (0, 1]; got {share.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        var columns = new Dictionary<string, ColumnDriftOptions>(StringComparer.Ordinal);
        foreach (var (column, columnNode) in node.Optional("columns")?.Mapping() ?? [])
        {
            columns[column] = ReadColumn(column, columnNode, inputs);
        }

        return new DriftOptions { Share = share, Columns = columns };
    }

    private static ColumnDriftOptions ReadColumn(string column, SpecNode node, IReadOnlyList<InputColumnSpec> inputs)
    {
        var input = inputs.FirstOrDefault(i => i.Name == column);
        if (input is null && !OutputColumns.Contains(column, StringComparer.Ordinal))
        {
            var known = inputs.Select(i => i.Name).Concat(OutputColumns).ToList();
            var closest = ClosestName.Find(column, known);
            throw node.Error($"names column '{column}', which is neither an input nor an output of the model; columns: {string.Join(", ", known)}{(closest is null ? "" : $". Did you mean '{closest}'?")}");
        }

        node.EnsureKnownKeys("method", "threshold");
        string? method = null;
        if (node.Optional("method") is { } methodNode)
        {
            method = methodNode.Scalar();
            IDriftTest test;
            try
            {
                test = DriftTestCatalog.Get(method);
            }
            catch (GangwayException e)
            {
                throw methodNode.Error(e.Message.TrimEnd('.'));
            }

            if (input?.Type == ColumnType.Text && !test.Supports(DriftColumnKind.Categorical))
            {
                throw methodNode.Error($"'{method}' compares numbers, but '{column}' is text; tests for text: {string.Join(", ", DriftTestCatalog.NamesFor(DriftColumnKind.Categorical))}");
            }
        }

        double? threshold = null;
        if (node.Optional("threshold") is { } thresholdNode)
        {
            threshold = thresholdNode.Double();
            if (!(threshold > 0))
            {
                throw thresholdNode.Error($"must be greater than 0; got {threshold.Value.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return new ColumnDriftOptions(method, threshold);
    }
}
