namespace Gangway.Monitoring;

/// <summary>One bucket of a <see cref="SketchWindow"/>: the rows scored from <paramref name="Start"/> to <paramref name="End"/>.</summary>
/// <param name="Start">When the bucket begins (inclusive).</param>
/// <param name="End">When it ends (exclusive).</param>
/// <param name="Sketch">The rows' sketch.</param>
public sealed record WindowBucket(DateTimeOffset Start, DateTimeOffset End, TableSketch Sketch);
