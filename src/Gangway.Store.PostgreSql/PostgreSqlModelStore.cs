using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// A store in a PostgreSQL database (or the schema its <c>search_path</c> names), its own <see cref="IRunStore"/> and
/// <see cref="IModelRegistry"/>. Each call takes a pooled connection and runs its statements with Npgsql's asynchronous
/// API; each write is one transaction that locks what it changes (the run row, or the model row for versions and
/// aliases), so concurrent writers from any number of processes serialise per model and never reuse a version.
/// </summary>
internal sealed partial class PostgreSqlModelStore : IStore, IRunStore, IModelRegistry
{
    private const int MaxAttempts = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly PostgreSqlPredictionLogStore _predictionLog;

    private PostgreSqlModelStore(NpgsqlDataSource dataSource, string displayUri, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        DisplayUri = displayUri;
        _predictionLog = new PostgreSqlPredictionLogStore(dataSource, displayUri);
        MonitoringWindows = new PostgreSqlMonitoringWindows(dataSource, displayUri);
    }

    /// <inheritdoc/>
    public string DisplayUri { get; }

    /// <inheritdoc/>
    public IRunStore Runs => this;

    /// <inheritdoc/>
    public IModelRegistry Registry => this;

    /// <inheritdoc/>
    public IPredictionLogStore PredictionLog => _predictionLog;

    /// <inheritdoc/>
    public IFeedbackStore Feedback => _predictionLog;

    /// <inheritdoc/>
    public IMonitoringWindowStore MonitoringWindows { get; }

    /// <summary>Connects, applies missing migrations and returns the store; the data source belongs to it from then on.</summary>
    public static async Task<PostgreSqlModelStore> OpenAsync(
        NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings, string displayUri, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await MigrateAsync(connection, displayUri, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.CannotOpen(displayUri, settings, e);
        }

        return new PostgreSqlModelStore(dataSource, displayUri, time);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task MigrateAsync(NpgsqlConnection connection, string displayUri, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var session = new PostgreSqlSession(connection, cancellationToken);
        await session.ExecuteAsync(PostgreSqlMigrations.Lock, PostgreSqlMigrations.AdvisoryLockKey);
        await session.ExecuteAsync(PostgreSqlMigrations.CreateMigrationsTable);
        var applied = await session.ScalarAsync<int>(PostgreSqlMigrations.SelectApplied);
        var known = PostgreSqlMigrations.Steps.Count;
        if (applied > known)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Store '{displayUri}': schema version {applied} is newer than this Gangway supports ({known}); upgrade Gangway.");
        }

        for (var version = applied + 1; version <= known; version++)
        {
            await session.ExecuteAsync(PostgreSqlMigrations.Steps[version - 1]);
            await session.ExecuteAsync(PostgreSqlMigrations.InsertApplied, version);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private DateTimeOffset Now() => StoreTime.Normalize(_time.GetUtcNow());

    private async Task<T> ReadAsync<T>(Func<PostgreSqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await read(new PostgreSqlSession(connection, cancellationToken));
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.Failed(DisplayUri, e);
        }
    }

    // One transaction; retried when PostgreSQL gives up on it for a conflict with another writer.
    private async Task<T> WriteAsync<T>(Func<PostgreSqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await write(new PostgreSqlSession(connection, cancellationToken));
                CrashPoints.Hit(CrashPoints.BeforeCommit);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
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
