using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Gangway.Deployment;

/// <summary>
/// Chooses which variant of a deployment answers a request. A routing key (a customer id, a passenger id) is hashed
/// with XxHash64 of its UTF-8 text into one of <see cref="BucketCount"/> fixed buckets, and each bucket belongs to one
/// variant by weighted rendezvous hashing: variant <c>v</c> scores <c>-ln(u(bucket, v)) / weight(v)</c>, where
/// <c>u</c> is XxHash64 of the bucket number and the variant's name mapped into (0, 1), and the smallest score wins. So
/// <list type="bullet">
/// <item>a key keeps its variant in every process on every machine for as long as the variants and weights stay;</item>
/// <item>a variant gets each bucket with probability weight / total weight (the minimum of exponential variables);</item>
/// <item>raising one variant's weight lowers only its own scores, so buckets move only into it, never between the
/// others; lowering it moves buckets only out of it; adding a variant takes buckets only into the new one.</item>
/// </list>
/// A request without a key is routed at random by weight. The bucket table is computed once, when the router is built
/// (build a new router when the deployment changes); routing does not allocate. Thread-safe when the <see cref="Random"/>
/// given is (the default, <see cref="Random.Shared"/>, is).
/// </summary>
public sealed class StickyRouter
{
    /// <summary>How many buckets keys are hashed into: 10,000, so weights are honoured to 0.01%.</summary>
    public const int BucketCount = 10_000;

    private const int StackKeyBytes = 512;

    private readonly string[] _names;
    private readonly double[] _cumulativeWeights;
    private readonly ushort[] _variantOfBucket;
    private readonly Random _random;

    /// <summary>A router over <paramref name="variants"/> (their names and weights, in order).</summary>
    /// <param name="variants">At least one, with a weight above zero; weights are finite and not negative.</param>
    /// <param name="random">The source for requests without a key; default <see cref="Random.Shared"/>.</param>
    /// <exception cref="ArgumentException">No variant, more than 65,535 variants, a negative or non-finite weight, or no weight above zero.</exception>
    public StickyRouter(IEnumerable<DeploymentVariant> variants, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var list = variants.ToList();
        if (list.Count is 0 or > ushort.MaxValue || list.Any(v => !double.IsFinite(v.Weight) || v.Weight < 0) || !list.Any(v => v.Weight > 0))
        {
            throw new ArgumentException("A router needs between 1 and 65,535 variants with finite weights of zero or more, one of them above zero.", nameof(variants));
        }

        _names = [.. list.Select(v => v.Name)];
        _cumulativeWeights = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulativeWeights[i] = total;
        }

        _variantOfBucket = AssignBuckets(list);
        _random = random ?? Random.Shared;
    }

    /// <summary>The variants' names, in the order given; <see cref="Route(string)"/> returns an index into it.</summary>
    public IReadOnlyList<string> Variants => _names;

    /// <summary>The bucket of a routing key, the same in every process: XxHash64 (seed 0) of its UTF-8 text, modulo <see cref="BucketCount"/>.</summary>
    public static int BucketOf(ReadOnlySpan<char> key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var bytes = length <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(key, bytes);
            return (int)(XxHash64.HashToUInt64(bytes[..written]) % BucketCount);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The index of the variant a bucket belongs to.</summary>
    public int VariantOfBucket(int bucket) => _variantOfBucket[bucket];

    /// <summary>The index of the variant for a routing key; an empty key is routed at random, like no key.</summary>
    public int Route(ReadOnlySpan<char> key) => key.IsEmpty ? RouteAtRandom() : _variantOfBucket[BucketOf(key)];

    /// <summary>The index of the variant for a routing key, or at random by weight when <paramref name="key"/> is null or empty.</summary>
    public int Route(string? key) => Route(key.AsSpan());

    /// <summary>The index of a variant chosen at random with probability weight / total weight.</summary>
    public int RouteAtRandom()
    {
        var point = _random.NextDouble() * _cumulativeWeights[^1];
        for (var i = 0; i < _cumulativeWeights.Length; i++)
        {
            // Strictly below: a variant of weight zero covers an empty range and is never chosen.
            if (point < _cumulativeWeights[i])
            {
                return i;
            }
        }

        // NextDouble() * total can round up to total itself.
        return LastWithWeight();
    }

    private int LastWithWeight()
    {
        for (var i = _cumulativeWeights.Length - 1; i > 0; i--)
        {
            if (_cumulativeWeights[i] > _cumulativeWeights[i - 1])
            {
                return i;
            }
        }

        return 0;
    }

    private static ushort[] AssignBuckets(List<DeploymentVariant> variants)
    {
        // Per variant: 4 bytes for the bucket number, then the name's UTF-8, hashed as one input.
        var inputs = variants.Select(v => new byte[4 + Encoding.UTF8.GetByteCount(v.Name)]).ToArray();
        for (var i = 0; i < variants.Count; i++)
        {
            Encoding.UTF8.GetBytes(variants[i].Name, inputs[i].AsSpan(4));
        }

        var table = new ushort[BucketCount];
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            var best = double.PositiveInfinity;
            for (var i = 0; i < variants.Count; i++)
            {
                if (variants[i].Weight <= 0)
                {
                    continue;
                }

                BinaryPrimitives.WriteInt32LittleEndian(inputs[i], bucket);
                var score = -Math.Log(UnitInterval(XxHash64.HashToUInt64(inputs[i]))) / variants[i].Weight;
                if (score < best)
                {
                    best = score;
                    table[bucket] = (ushort)i;
                }
            }
        }

        return table;
    }

    // The top 53 bits of a hash as a double in the open interval (0, 1), so that its logarithm is finite.
    private static double UnitInterval(ulong hash) => ((hash >> 11) + 0.5) / (1UL << 53);
}
