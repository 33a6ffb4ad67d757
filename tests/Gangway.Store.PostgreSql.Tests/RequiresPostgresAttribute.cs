namespace Gangway.Store.PostgreSql.Tests;

/// <summary>
/// Marks a test class whose every test needs the test PostgreSQL server, including tests it inherits (the store
/// conformance suite): <see cref="PostgresTestFramework"/> reports them skipped, with the reason, when there is none.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresPostgresAttribute : Attribute;
