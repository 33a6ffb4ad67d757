using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring.Sketches;

public class CategorySketchTests
{
    [Fact]
    public void Add_FewerCategoriesThanCapacity_CountsExactly()
    {
        var sketch = Sketch(4, "S", "C", "S", null, "Q", "S", "C");

        var distribution = sketch.ToDistribution();

        Assert.True(sketch.IsExact);
        Assert.Equal(6, sketch.Count);
        Assert.Equal(1, sketch.Missing);
        Assert.Equal(new Dictionary<string, double> { ["C"] = 2, ["Q"] = 1, ["S"] = 3 }, distribution.Counts);
        Assert.Equal(0, distribution.OtherCount);
        Assert.Equal(1, distribution.Missing);
    }

    [Fact]
    public void Add_ManyMoreCategoriesThanCapacity_KeepsHeavyHittersAndCountsTheRestAsOther()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 100_000)
            .Select(i => random.NextDouble() switch
            {
                < 0.30 => "heavy",
                < 0.45 => "medium",
                _ => $"rare-{random.Next(50_000)}",
            })
            .ToList();
        var sketch = Sketch(20, [.. values]);

        var distribution = sketch.ToDistribution();
        var bound = values.Count / 21.0;

        Assert.False(sketch.IsExact);
        Assert.InRange(distribution.Counts.Count, 2, 20);
        foreach (var heavy in new[] { "heavy", "medium" })
        {
            var exact = values.Count(v => v == heavy);
            Assert.InRange(distribution.Counts[heavy], exact - bound, exact);
            Assert.Equal(distribution.Counts[heavy], sketch.Estimate(heavy));
        }

        Assert.Equal(values.Count, distribution.Total);
        Assert.Equal(values.Count - distribution.Counts.Values.Sum(), distribution.OtherCount);
    }

    [Fact]
    public void Merge_UnionFitsCapacity_EqualsExactCounts()
    {
        var merged = Sketch(4, "a", "b", "a", null);
        merged.Merge(Sketch(4, "b", "c", null, null));

        Assert.True(merged.IsExact);
        Assert.Equal(3, merged.Missing);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 2, ["b"] = 2, ["c"] = 1 }, merged.ToDistribution().Counts);
    }

    [Fact]
    public void Merge_UnionAboveCapacity_KeepsHeavyHittersWithinBound()
    {
        string[] first = [.. Enumerable.Repeat("x", 500), .. Enumerable.Range(0, 300).Select(i => $"a{i}")];
        string[] second = [.. Enumerable.Repeat("x", 400), .. Enumerable.Repeat("y", 300), .. Enumerable.Range(0, 300).Select(i => $"b{i}")];
        var merged = Sketch(10, first);
        merged.Merge(Sketch(10, second));

        var distribution = merged.ToDistribution();
        var bound = (first.Length + second.Length) / 11.0;

        Assert.Equal(1800, merged.Count);
        Assert.InRange(distribution.Counts.Count, 2, 10);
        Assert.InRange(distribution.Counts["x"], 900 - bound, 900);
        Assert.InRange(distribution.Counts["y"], 300 - bound, 300);
        Assert.Equal(1800, distribution.Total);
    }

    [Fact]
    public void Merge_Itself_DoublesCounts()
    {
        var sketch = Sketch(4, "a", null);

        sketch.Merge(sketch);

        Assert.Equal(2, sketch.Estimate("a"));
        Assert.Equal(2, sketch.Missing);
    }

    [Fact]
    public void Clone_ThenAdd_LeavesOriginalUnchanged()
    {
        var original = Sketch(4, "a");
        var copy = original.Clone();

        copy.Add("b");

        Assert.Equal(1, original.Count);
        Assert.Equal(0, original.Estimate("b"));
        Assert.Equal(1, copy.Estimate("b"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void Constructor_CapacityOutOfRange_ThrowsInvalidInput(int capacity)
    {
        var ex = Assert.Throws<GangwayException>(() => new CategorySketch(capacity));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Contains($"it is {capacity}", ex.Message, StringComparison.Ordinal);
    }

    private static CategorySketch Sketch(int capacity, params string?[] values)
    {
        var sketch = new CategorySketch(capacity);
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }
}
