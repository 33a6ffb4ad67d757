namespace Gangway.Upsell;

/// <summary>
/// The layout of the one table that scores every row in its own tier and in each higher one: row r occupies the entries
/// from <see cref="FirstEntry"/>[r], first as it is, then one entry per higher tier, lowest first.
/// </summary>
internal sealed class CounterfactualPlan
{
    private CounterfactualPlan(int[] sourceRows, int[] tiers, int[] firstEntry)
    {
        SourceRows = sourceRows;
        Tiers = tiers;
        FirstEntry = firstEntry;
    }

    /// <summary>For each entry, the row of the original table it copies.</summary>
    public int[] SourceRows { get; }

    /// <summary>For each entry, the tier it is placed in, or -1 for the row as it is.</summary>
    public int[] Tiers { get; }

    /// <summary>For each original row, its first entry.</summary>
    public int[] FirstEntry { get; }

    public static CounterfactualPlan Build(IReadOnlyList<int> currentTiers, int tierCount)
    {
        var entries = currentTiers.Sum(tier => tierCount - tier);
        var sourceRows = new int[entries];
        var tiers = new int[entries];
        var firstEntry = new int[currentTiers.Count];
        var next = 0;
        for (var row = 0; row < currentTiers.Count; row++)
        {
            firstEntry[row] = next;
            for (var tier = currentTiers[row]; tier < tierCount; tier++, next++)
            {
                sourceRows[next] = row;
                tiers[next] = tier == currentTiers[row] ? -1 : tier;
            }
        }

        return new CounterfactualPlan(sourceRows, tiers, firstEntry);
    }

    /// <summary>A column over the entries: the original row's value as it is, else the value of the entry's tier.</summary>
    public T[] Select<T>(ReadOnlySpan<T> original, T[] byTier)
    {
        var values = new T[SourceRows.Length];
        for (var entry = 0; entry < values.Length; entry++)
        {
            values[entry] = Tiers[entry] < 0 ? original[SourceRows[entry]] : byTier[Tiers[entry]];
        }

        return values;
    }
}
