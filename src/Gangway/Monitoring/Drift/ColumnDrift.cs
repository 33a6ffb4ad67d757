using Gangway.Data;

namespace Gangway.Monitoring.Drift;

/// <summary>One column's drift: the deciding test and its verdict, every applicable statistic, new categories and counts.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Type">The column's type in the reference.</param>
/// <param name="ComparedAs">Whether it was compared as numbers or as categories.</param>
/// <param name="Method">The deciding test's name (forced in the options or chosen by <see cref="DriftMethodRule"/>).</param>
/// <param name="Threshold">The deciding test's threshold.</param>
/// <param name="ThresholdKind">Whether the threshold is compared with the p-value or with the statistic.</param>
/// <param name="Statistic">The deciding test's statistic.</param>
/// <param name="Drifted">Whether the deciding test flags drift; false when it could not be computed.</param>
/// <param name="Statistics">Every test applicable to the column, the deciding one included, in catalog order.</param>
/// <param name="NewCategories">For a categorical column, the current categories the reference does not itemise; empty otherwise.</param>
/// <param name="Reference">The reference's counts.</param>
/// <param name="Current">The current data's counts.</param>
public sealed record ColumnDrift(
    string Column,
    ColumnType Type,
    DriftColumnKind ComparedAs,
    string Method,
    double Threshold,
    DriftThresholdKind ThresholdKind,
    DriftStatistic Statistic,
    bool Drifted,
    IReadOnlyList<DriftStatistic> Statistics,
    IReadOnlyList<NewCategory> NewCategories,
    ColumnCounts Reference,
    ColumnCounts Current);
