using Gangway.Data;

namespace Gangway.Tests.Evaluation;

/// <summary>Small scored tables for evaluator tests.</summary>
internal static class ScoredTables
{
    /// <summary>
    /// Six passengers with text labels: rows 0, 1, 4 survived ("yes"). Sex is missing on row 5.
    /// Predictions: tp rows 0, 4; fn row 1; fp row 2; tn rows 3, 5.
    /// </summary>
    public static Table Text() => new(
        new TextColumn("Survived", ["yes", "yes", "no", "no", "yes", "no"]),
        new NumericColumn("probability", [0.9, 0.4, 0.6, 0.2, 0.8, 0.1]),
        new TextColumn("prediction", ["yes", "no", "yes", "no", "yes", "no"]),
        new TextColumn("Sex", ["female", "male", "female", "male", "female", null]),
        new NumericColumn("Pclass", [3, 1, 2, 10, 1, 3]));

    /// <summary>The same rows with 0/1 numeric labels and predictions.</summary>
    public static Table Numeric() => new(
        new NumericColumn("Survived", [1, 1, 0, 0, 1, 0]),
        new NumericColumn("probability", [0.9, 0.4, 0.6, 0.2, 0.8, 0.1]),
        new NumericColumn("prediction", [1, 0, 1, 0, 1, 0]));
}
