namespace Gangway.Evaluation;

/// <summary>
/// The rows of one class in <see cref="StratifiedBootstrap"/> and how one resample draws them: as many draws as the
/// rows' multiplicities add up to, each row chosen with probability multiplicity / total. The counts are multinomial
/// whichever of the ways below draws them. Rows of large multiplicity ("heavy") get a binomial draw each, the others a
/// draw per row they stand for; with both kinds, one binomial draw first splits the resample's draws between them, which
/// keeps the counts exactly multinomial (a multinomial conditioned on the total of a subset is multinomial over it).
/// </summary>
internal sealed class BootstrapStratum
{
    // From this many rows per distinct row on, a binomial draw for the distinct row is cheaper than a draw per row.
    private const int RowsPerBinomial = 64;

    // Walker's alias table, one bucket per light row: a draw picks a bucket uniformly, then the bucket's row if the
    // fraction left over is below its threshold (out of 2^32), else its alias. Null when every multiplicity is 1 or
    // every row is heavy.
    private readonly (ulong Threshold, int Row, int Alias)[]? _buckets;
    private readonly int[] _lightRows = [];
    private readonly long _lightDraws;

    // Per heavy row, its multiplicity over that of the heavy rows from it on: the chance a draw not taken by the rows
    // before lands on it. Null when no row is heavy.
    private readonly double[]? _shares;
    private readonly int[] _heavyRows = [];
    private readonly long _heavyDraws;

    public BootstrapStratum(int[] rows, IReadOnlyList<int>? multiplicity)
    {
        Rows = rows;
        Draws = multiplicity is null ? rows.Length : rows.Sum(r => (long)multiplicity[r]);
        if (Draws > int.MaxValue)
        {
            throw new ArgumentException($"The multiplicities of one class add up to {Draws}, more than {int.MaxValue} rows.", nameof(multiplicity));
        }

        if (multiplicity is null || rows.All(r => multiplicity[r] == 1))
        {
            return;
        }

        _heavyRows = [.. rows.Where(r => multiplicity[r] >= RowsPerBinomial)];
        _lightRows = [.. rows.Where(r => multiplicity[r] < RowsPerBinomial)];
        (_heavyDraws, _lightDraws) = (_heavyRows.Sum(r => (long)multiplicity[r]), _lightRows.Sum(r => (long)multiplicity[r]));
        if (_heavyRows.Length > 0)
        {
            _shares = Shares(_heavyRows, multiplicity, _heavyDraws);
        }

        if (_lightRows.Length > 0)
        {
            _buckets = AliasTable(_lightRows, multiplicity, _lightDraws);
        }
    }

    /// <summary>The (distinct) rows of the class, in increasing order.</summary>
    public int[] Rows { get; }

    /// <summary>How many rows one resample draws: the sum of the multiplicities.</summary>
    public long Draws { get; }

    /// <summary>Writes the count of each row of the stratum into <paramref name="counts"/>; <paramref name="drawn"/> is scratch of at least <see cref="Rows"/> entries.</summary>
    public void Draw(int[] drawn, int[] counts, ref StratifiedBootstrap.SplitMix64 random)
    {
        if (_shares is null && _buckets is null)
        {
            DrawRows(drawn, counts, ref random);
            return;
        }

        var heavyDraws = (int)_heavyDraws;
        if (_shares is not null && _buckets is not null)
        {
            heavyDraws = BinomialSampler.Sample((int)Draws, (double)_heavyDraws / Draws, Uniform(ref random));
        }

        if (_shares is not null)
        {
            DrawBinomial(_shares, heavyDraws, counts, ref random);
        }

        if (_buckets is not null)
        {
            DrawAliased(_buckets, (int)Draws - heavyDraws, counts, ref random);
        }
    }

    // The multinomial as a chain of binomials: each distinct row takes its share of the draws the rows before it left.
    private void DrawBinomial(double[] shares, int draws, int[] counts, ref StratifiedBootstrap.SplitMix64 random)
    {
        var left = draws;
        for (var i = 0; i < _heavyRows.Length; i++)
        {
            var count = BinomialSampler.Sample(left, shares[i], Uniform(ref random));
            counts[_heavyRows[i]] = count;
            left -= count;
        }
    }

    private static double Uniform(ref StratifiedBootstrap.SplitMix64 random) => (random.Next() >> 11) * (1.0 / (1UL << 53));

    private static double[] Shares(int[] rows, IReadOnlyList<int> multiplicity, long total)
    {
        var shares = new double[rows.Length];
        var rest = total;
        for (var i = 0; i < rows.Length; i++)
        {
            shares[i] = i == rows.Length - 1 ? 1 : (double)multiplicity[rows[i]] / rest;
            rest -= multiplicity[rows[i]];
        }

        return shares;
    }

    // Counting draws per position within the stratum first keeps the random accesses inside one small array; copying
    // them to the rows afterwards is a sequential pass. At 1M rows that halves the cache misses.
    private void DrawRows(int[] drawn, int[] counts, ref StratifiedBootstrap.SplitMix64 random)
    {
        var within = drawn.AsSpan(0, Rows.Length);
        within.Clear();
        var bound = (ulong)Rows.Length;
        // Each 64-bit draw gives two 32-bit ones, halving the generator's share of the time. Lemire's multiply-shift maps
        // 32 random bits onto [0, bound) with a bias below bound × 2^-32: negligible here.
        for (var draw = 0; draw + 1 < Rows.Length; draw += 2)
        {
            var bits = random.Next();
            within[(int)(((bits >> 32) * bound) >> 32)]++;
            within[(int)(((bits & 0xFFFFFFFFUL) * bound) >> 32)]++;
        }

        if (Rows.Length % 2 == 1)
        {
            within[(int)(((random.Next() >> 32) * bound) >> 32)]++;
        }

        for (var position = 0; position < Rows.Length; position++)
        {
            counts[Rows[position]] = within[position];
        }
    }

    // The tables and counts of a few thousand distinct rows stay in the L1 cache, so a draw costs a few cycles whatever
    // the multiplicities. 32 random bits times the bucket count give the bucket (high half) and, as the low half, a
    // fraction uniform within the bucket for the coin: two draws per 64-bit number.
    private void DrawAliased((ulong Threshold, int Row, int Alias)[] buckets, int draws, int[] counts, ref StratifiedBootstrap.SplitMix64 random)
    {
        foreach (var row in _lightRows)
        {
            counts[row] = 0;
        }

        var bound = (ulong)buckets.Length;
        for (var draw = 0; draw < draws; draw += 2)
        {
            var bits = random.Next();
            Add(buckets, counts, (bits >> 32) * bound);
            if (draw + 1 < draws)
            {
                Add(buckets, counts, (bits & 0xFFFFFFFFUL) * bound);
            }
        }
    }

    // Branch-free: the coin is random, so a branch on it would mispredict about as often as a bucket is shared.
    private static void Add((ulong Threshold, int Row, int Alias)[] buckets, int[] counts, ulong scaled)
    {
        var bucket = buckets[(int)(scaled >> 32)];
        var own = (int)((long)((scaled & 0xFFFFFFFFUL) - bucket.Threshold) >> 63);
        counts[bucket.Alias ^ ((bucket.Row ^ bucket.Alias) & own)]++;
    }

    // Vose's construction in integers: each bucket holds `total` units, a row brings multiplicity × bucket count units,
    // so the probabilities are exact fractions and only the coin's 32-bit resolution rounds them.
    private static (ulong Threshold, int Row, int Alias)[] AliasTable(int[] rows, IReadOnlyList<int> multiplicity, long total)
    {
        var buckets = new (ulong Threshold, int Row, int Alias)[rows.Length];
        var units = rows.Select(r => (long)multiplicity[r] * rows.Length).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            (units[i] < total ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var (under, over) = (small.Pop(), large.Pop());
            buckets[under] = (Coin(units[under], total), rows[under], rows[over]);
            units[over] -= total - units[under];
            (units[over] < total ? small : large).Push(over);
        }

        // What is left holds a whole bucket, up to rounding: it always keeps its own row.
        foreach (var i in small.Concat(large))
        {
            buckets[i] = (1UL << 32, rows[i], rows[i]);
        }

        return buckets;
    }

    private static ulong Coin(long units, long total) => (ulong)(((UInt128)(ulong)units << 32) / (ulong)total);
}
