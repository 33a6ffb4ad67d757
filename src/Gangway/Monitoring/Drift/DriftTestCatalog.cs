using Gangway.Specs;

namespace Gangway.Monitoring.Drift;

/// <summary>The built-in drift tests by name: <c>ks</c>, <c>wasserstein</c>, <c>psi</c>, <c>chi2</c>, <c>jensen_shannon</c>. Thread-safe.</summary>
public static class DriftTestCatalog
{
    private static readonly IDriftTest[] BuiltIns =
        [new KolmogorovSmirnovTest(), new WassersteinDistance(), new PopulationStabilityIndex(), new ChiSquaredTest(), new JensenShannonDistance()];

    /// <summary>The tests, in the order reports list them.</summary>
    public static IReadOnlyList<IDriftTest> All => BuiltIns;

    /// <summary>The tests' names, in the order reports list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. BuiltIns.Select(t => t.Name)];

    /// <summary>The test named <paramref name="name"/> (case-sensitive, as in the spec).</summary>
    /// <exception cref="GangwayException">No test has that name (InvalidConfiguration, listing the names and the closest one).</exception>
    public static IDriftTest Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return BuiltIns.FirstOrDefault(t => t.Name == name) ?? throw Unknown(name);
    }

    /// <summary>The names of the tests that compare columns of <paramref name="kind"/>.</summary>
    public static IEnumerable<string> NamesFor(DriftColumnKind kind) => BuiltIns.Where(t => t.Supports(kind)).Select(t => t.Name);

    private static GangwayException Unknown(string name)
    {
        var closest = ClosestName.Find(name, Names);
        return new GangwayException(ErrorKind.InvalidConfiguration,
            $"Unknown drift test '{name}'. Known tests: {string.Join(", ", Names)}.{(closest is null ? "" : $" Did you mean '{closest}'?")}");
    }
}
