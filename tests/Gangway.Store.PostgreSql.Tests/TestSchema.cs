namespace Gangway.Store.PostgreSql.Tests;

/// <summary>A fresh, empty schema on the test server, dropped (with everything in it) on dispose.</summary>
internal sealed class TestSchema : IDisposable
{
    public TestSchema()
    {
        Name = "gangway_test_" + Guid.NewGuid().ToString("N")[..16];
        TestServer.Execute($"CREATE SCHEMA {Name}");
        Uri = TestServer.WithOption(TestServer.RequireUri(), "search_path=" + Name);
    }

    /// <summary>The schema's name.</summary>
    public string Name { get; }

    /// <summary>The server URI with <c>search_path</c> set to the schema: a store opened by it lives in the schema.</summary>
    public string Uri { get; }

    public void Dispose() => TestServer.Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");
}
