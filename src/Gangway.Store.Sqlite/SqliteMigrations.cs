using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>
/// The schema, as numbered SQL scripts embedded in this assembly (<c>Migrations/0001_initial.sql</c>, ...). Opening a store
/// applies the missing ones in one write transaction and records each in <c>schema_migrations</c>.
/// </summary>
internal static class SqliteMigrations
{
    private const string ResourcePrefix = "Gangway.Store.Sqlite.Migrations.";

    /// <summary>The migrations this code knows, in order.</summary>
    public static IReadOnlyList<(int Version, string Sql)> All { get; } = Load();

    /// <summary>The newest schema version this code knows.</summary>
    public static int Latest => All[^1].Version;

    public static void Apply(SqliteTransaction transaction, string displayUri, DateTimeOffset now)
    {
        transaction.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = transaction.Query("SELECT version FROM schema_migrations", reader => reader.GetInt32(0)).ToHashSet();
        if (applied.Count > 0 && applied.Max() > Latest)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Store '{displayUri}': schema version {applied.Max()} is newer than this Gangway supports ({Latest}); upgrade Gangway.");
        }

        foreach (var (version, sql) in All.Where(migration => !applied.Contains(migration.Version)))
        {
            transaction.Execute(sql);
            transaction.Execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $at)",
                ("$version", version), ("$at", SqliteTime.ToText(now)));
        }
    }

    private static List<(int Version, string Sql)> Load()
    {
        var assembly = typeof(SqliteMigrations).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.AsSpan(ResourcePrefix.Length, 4), CultureInfo.InvariantCulture), Sql: Read(assembly, name)))
            .OrderBy(migration => migration.Version)];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
