namespace Gangway.Tests.Stores;

/// <summary>
/// Tests that set process environment variables (<c>GANGWAY_STORE</c>, <c>GANGWAY_ACTOR</c>); xunit runs this collection
/// on its own, after the parallel ones, so no other test sees the values.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedEnvironment
{
    public const string Name = "Environment variables";
}

/// <summary>Sets an environment variable and restores its earlier value on dispose.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
