using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Held-out evaluations recorded against runs and versions.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public async Task<EvaluationRecord> RecordEvaluationAsync(NewEvaluation evaluation, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(change);
        evaluation.Validate();
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        return await WriteAsync(async connection =>
        {
            if (await connection.ScalarAsync<int?>(RunSql.Exists, evaluation.RunId) is null)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Run '{evaluation.RunId}' does not exist in store '{DisplayUri}'.");
            }

            if (evaluation is { Model: { } model, Version: { } number })
            {
                var version = (await connection.QueryAsync(RegistrySql.SelectVersion, ReadVersion, model, number)).FirstOrDefault()
                    ?? throw VersionNotFound(model, number);
                if (version.RunId != evaluation.RunId)
                {
                    throw new GangwayException(ErrorKind.InvalidInput, $"Version {version.Reference} is the bundle of run '{version.RunId}', not of run '{evaluation.RunId}'.");
                }
            }

            var now = Now();
            await connection.ExecuteAsync(
                EvaluationSql.Insert, id, evaluation.RunId, evaluation.Model, evaluation.Version, evaluation.DataName, evaluation.DataSha256,
                JsonSerializer.Serialize(evaluation.Metrics), now, change.Actor);
            var details = new JsonObject
            {
                ["evaluation"] = id,
                ["data"] = evaluation.DataName,
                ["data_sha256"] = evaluation.DataSha256,
                ["version"] = evaluation.Model is null ? null : $"{evaluation.Model}:{evaluation.Version}",
            };
            await AuditAsync(connection, now, change, AuditActions.EvaluationRecorded, evaluation.RunId, evaluation.Model, details);
            return new EvaluationRecord(id, evaluation.RunId, evaluation.Model, evaluation.Version, evaluation.DataName, evaluation.DataSha256, evaluation.Metrics.ToDictionary(), now, change.Actor);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await ReadAsync(async connection => await connection.QueryAsync(EvaluationSql.SelectOfRun, ReadEvaluation, runId), cancellationToken);
    }

    private static EvaluationRecord ReadEvaluation(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.StringOrNull(2), r.Int32OrNull(3), r.GetString(4), r.GetString(5),
        JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(6))!, r.Timestamp(7), r.GetString(8));
}
