using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>
/// Splits a table into stratified folds for k-fold cross-validation, like scikit-learn's
/// StratifiedKFold(shuffle=True, random_state=seed): every class is spread as evenly as possible over the folds.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// Splits <paramref name="data"/> into <paramref name="folds"/> (train, test) pairs. The test parts partition the rows;
    /// each train part is every other row. Rows keep their original order within each part. The same seed gives the same folds.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="labelColumn">The column whose classes (invariant text form) are stratified.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="seed">The seed of the shuffle within each class.</param>
    /// <exception cref="GangwayException">
    /// <paramref name="folds"/> is below 2, the label column is missing or has a missing value (the exception names the row),
    /// or a class has fewer rows than there are folds.
    /// </exception>
    public static IReadOnlyList<(Table Train, Table Test)> Split(Table data, string labelColumn, int folds, int seed)
    {
        var foldOf = FoldOf(data, labelColumn, folds, seed);
        return [.. Enumerable.Range(0, folds).Select(fold => (
            data.Take(RowsWhere(foldOf, f => f != fold)),
            data.Take(RowsWhere(foldOf, f => f == fold))))];
    }

    /// <summary>The fold of each row, as <see cref="Split"/> assigns them; the same exceptions.</summary>
    internal static int[] FoldOf(Table data, string labelColumn, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (folds < 2)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Cross-validation needs at least 2 folds; got {folds}.");
        }

        var label = data[labelColumn];
        var classes = Enumerable.Range(0, data.RowCount)
            .GroupBy(row => label.FormatValue(row) ?? throw MissingLabel(label, row), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var smallest = classes.MinBy(g => g.Count());
        if (smallest is null || smallest.Count() < folds)
        {
            var detail = smallest is null ? "the data has no rows" : $"class '{smallest.Key}' has only {smallest.Count()} rows";
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Cannot split column '{label.Name}' into {folds} stratified folds: {detail}; every class needs at least one row per fold.");
        }

        var random = new Random(seed);
        var foldOf = new int[data.RowCount];
        var next = 0;
        foreach (var rows in classes.Select(g => g.ToArray()))
        {
            random.Shuffle(rows);
            // Dealing round-robin and carrying the position across classes keeps every class, and the fold sizes, within one row of even.
            foreach (var row in rows)
            {
                foldOf[row] = next++ % folds;
            }
        }

        return foldOf;
    }

    /// <summary>
    /// Splits <paramref name="data"/> <paramref name="repeats"/> times into <paramref name="folds"/> stratified folds, like
    /// scikit-learn's RepeatedStratifiedKFold: repeat <c>r</c> (from 0) shuffles with <see cref="RepeatSeed"/>, so repeat 0
    /// gives exactly the folds of <see cref="Split"/> and every repeat is reproducible on its own.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="labelColumn">The column whose classes are stratified.</param>
    /// <param name="folds">The number of folds per repeat, at least 2.</param>
    /// <param name="repeats">The number of repeats, at least 1.</param>
    /// <param name="seed">The seed of repeat 0; later repeats derive theirs from it.</param>
    /// <returns>The <c>repeats × folds</c> splits, repeat by repeat, each numbered from 1.</returns>
    /// <exception cref="GangwayException">As <see cref="Split"/>, or <paramref name="repeats"/> is below 1.</exception>
    public static IReadOnlyList<(int Repeat, int Fold, Table Train, Table Test)> SplitRepeated(Table data, string labelColumn, int folds, int repeats, int seed)
    {
        if (repeats < 1)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Repeated cross-validation needs at least 1 repeat; got {repeats}.");
        }

        return [.. Enumerable.Range(0, repeats).SelectMany(repeat => Split(data, labelColumn, folds, RepeatSeed(seed, repeat))
            .Select((split, fold) => (repeat + 1, fold + 1, split.Train, split.Test)))];
    }

    /// <summary>
    /// The seed that shuffles repeat <paramref name="repeat"/> (from 0): <paramref name="seed"/> itself for repeat 0, then
    /// <c>seed + repeat × 1,000,003</c> (wrapping), a fixed formula so the folds do not depend on the process or platform.
    /// </summary>
    public static int RepeatSeed(int seed, int repeat) => unchecked(seed + (repeat * 1_000_003));

    /// <summary>The rows whose fold passes <paramref name="keep"/>, in order.</summary>
    internal static int[] RowsWhere(int[] foldOf, Func<int, bool> keep) =>
        [.. Enumerable.Range(0, foldOf.Length).Where(row => keep(foldOf[row]))];

    private static GangwayException MissingLabel(Column label, int row) => new(
        ErrorKind.InvalidInput,
        $"Column '{label.Name}' must have a value on every row to split into folds; row {row} is missing.",
        row,
        label.Name);
}
