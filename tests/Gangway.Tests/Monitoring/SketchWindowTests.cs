using Gangway.Data;
using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring;

public sealed class SketchWindowTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_RowsInTwoBuckets_KeepsABucketPerEpochAlignedSlice()
    {
        var window = new SketchWindow(Empty, TimeSpan.FromHours(1), maxRows: 1_000);

        window.Add(Ages(1, 2), Noon.AddMinutes(1));
        window.Add(Ages(3), Noon.AddMinutes(4).AddSeconds(59));
        window.Add(Ages(4), Noon.AddMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(5), window.BucketLength);
        Assert.Equal([Noon, Noon.AddMinutes(5)], window.Buckets.Select(b => b.Start));
        Assert.Equal([3L, 1L], window.Buckets.Select(b => b.Sketch.RowCount));
    }

    [Fact]
    public void Add_AfterTheWindow_ForgetsBucketsThatEndedBeforeIt()
    {
        var window = new SketchWindow(Empty, TimeSpan.FromHours(1), maxRows: 1_000);
        window.Add(Ages(1), Noon);

        window.Add(Ages(2), Noon.AddMinutes(65));

        Assert.Equal([Noon.AddMinutes(65)], window.Buckets.Select(b => b.Start));
    }

    [Fact]
    public void Merge_OthersBuckets_AddsThoseInsideTheWindowOnly()
    {
        var window = new SketchWindow(Empty, TimeSpan.FromHours(1), maxRows: 1_000);
        window.Add(Ages(10, 20), Noon.AddMinutes(50));
        var recent = new WindowBucket(Noon.AddMinutes(30), Noon.AddMinutes(35), Sketch(30, 40, 50));
        var old = new WindowBucket(Noon.AddMinutes(-20), Noon.AddMinutes(-15), Sketch(99));

        var (merged, from, to) = window.Merge(Noon.AddMinutes(55), [recent, old]);

        Assert.Equal(5, merged.RowCount);
        Assert.Equal(50, merged.Numeric("Age").Values[^1]);
        Assert.Equal(Noon.AddMinutes(30), from);
        Assert.Equal(Noon.AddMinutes(55), to);
    }

    [Fact]
    public void Merge_MoreRowsThanTheLimit_TakesTheNewestBucketsUntilTheLimit()
    {
        var window = new SketchWindow(Empty, TimeSpan.FromHours(1), maxRows: 3);
        window.Add(Ages(1, 2), Noon);
        window.Add(Ages(3, 4), Noon.AddMinutes(5));
        window.Add(Ages(5, 6), Noon.AddMinutes(10));

        var (merged, from, _) = window.Merge(Noon.AddMinutes(12), []);

        Assert.Equal(4, merged.RowCount);
        Assert.Equal(Noon.AddMinutes(5), from);
        Assert.Equal(3, merged.Numeric("Age").Values[0]);
    }

    [Fact]
    public void Merge_EmptyWindow_IsEmptyWithNoSpan()
    {
        var window = new SketchWindow(Empty, TimeSpan.FromMinutes(10), maxRows: 10);

        var (merged, from, to) = window.Merge(Noon, []);

        Assert.Equal(0, merged.RowCount);
        Assert.Null(from);
        Assert.Null(to);
    }

    [Theory]
    [InlineData(0.5, 10, 12)]
    [InlineData(60, 0, 12)]
    [InlineData(60, 10, 0)]
    [InlineData(60, 10, 1441)]
    public void Constructor_OutOfRange_Throws(double seconds, int maxRows, int buckets) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SketchWindow(Empty, TimeSpan.FromSeconds(seconds), maxRows, buckets));

    private static TableSketch Empty() => new([("Age", ColumnType.Numeric)]);

    private static Table Ages(params double[] ages) => new(new NumericColumn("Age", ages));

    private static TableSketch Sketch(params double[] ages)
    {
        var sketch = Empty();
        sketch.Add(Ages(ages));
        return sketch;
    }
}
