using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// A model store in a PostgreSQL database (or the schema its <c>search_path</c> names). Each call takes a pooled
/// connection; each write is one transaction that locks what it changes (the run row, or the model row for versions and
/// aliases), so concurrent writers from any number of processes serialise per model and never reuse a version.
/// </summary>
internal sealed partial class PostgreSqlModelStore : IModelStore
{
    private const int MaxAttempts = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    private PostgreSqlModelStore(NpgsqlDataSource dataSource, string displayUri, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        DisplayUri = displayUri;
    }

    /// <inheritdoc/>
    public string DisplayUri { get; }

    /// <summary>Connects, applies missing migrations and returns the store; the data source belongs to it from then on.</summary>
    public static PostgreSqlModelStore Open(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings, string displayUri, TimeProvider time)
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            Migrate(connection, displayUri);
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.CannotOpen(displayUri, settings, e);
        }

        return new PostgreSqlModelStore(dataSource, displayUri, time);
    }

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private static void Migrate(NpgsqlConnection connection, string displayUri)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(PostgreSqlMigrations.Lock, PostgreSqlMigrations.AdvisoryLockKey);
        connection.Execute(PostgreSqlMigrations.CreateMigrationsTable);
        var applied = connection.Scalar<int>(PostgreSqlMigrations.SelectApplied);
        var known = PostgreSqlMigrations.Steps.Count;
        if (applied > known)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Store '{displayUri}': schema version {applied} is newer than this Gangway supports ({known}); upgrade Gangway.");
        }

        for (var version = applied + 1; version <= known; version++)
        {
            connection.Execute(PostgreSqlMigrations.Steps[version - 1]);
            connection.Execute(PostgreSqlMigrations.InsertApplied, version);
        }

        transaction.Commit();
    }

    private DateTimeOffset Now() => StoreTime.Normalize(_time.GetUtcNow());

    private T Read<T>(Func<NpgsqlConnection, T> read)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            return read(connection);
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.Failed(DisplayUri, e);
        }
    }

    // One transaction; retried when PostgreSQL gives up on it for a conflict with another writer.
    private T Write<T>(Func<NpgsqlConnection, T> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = _dataSource.OpenConnection();
                using var transaction = connection.BeginTransaction();
                var result = write(connection);
                CrashPoints.Hit(CrashPoints.BeforeCommit);
                transaction.Commit();
                return result;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            {
                Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.Failed(DisplayUri, e);
            }
        }
    }

    private static void RequireName(string what, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ModelReference.IsValidName(name))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"{what} name '{name}' is not valid: use letters, digits, '_', '.' or '-', starting with a letter or digit, at most 100 characters.");
        }
    }
}
