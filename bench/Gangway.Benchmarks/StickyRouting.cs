using BenchmarkDotNet.Attributes;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Benchmarks;

/// <summary>
/// <see cref="StickyRouter.Route(string)"/> for a request with a routing key (hash and table look-up) and without one
/// (random by weight), on a two-variant deployment; both should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class StickyRouting
{
    private readonly StickyRouter _router = new(
        [new DeploymentVariant("champion", new ModelReference("m", "champion", null), 80), new DeploymentVariant("challenger", new ModelReference("m", "challenger", null), 20)]);

    private readonly string[] _keys = [.. Enumerable.Range(0, 1024).Select(i => $"customer-{i}")];

    private int _next;

    [Benchmark(Baseline = true, Description = "routing key -> variant")]
    public int WithKey() => _router.Route(_keys[_next++ & 1023]);

    [Benchmark(Description = "no key -> random by weight")]
    public int WithoutKey() => _router.Route((string?)null);
}
