using System.Security.Cryptography;
using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>Held-out evaluations recorded against runs and versions.</summary>
internal sealed partial class SqliteModelStore
{
    public async Task<EvaluationRecord> RecordEvaluationAsync(NewEvaluation evaluation, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(change);
        evaluation.Validate();
        var id = RandomNumberGenerator.GetHexString(RunIdLength, lowercase: true);
        return await _database.WriteAsync(transaction =>
        {
            if (!SqliteRuns.Exists(transaction, evaluation.RunId))
            {
                throw RunNotFound(evaluation.RunId);
            }

            if (evaluation is { Model: { } model, Version: { } number })
            {
                var version = SqliteRegistry.FindVersion(transaction, model, number)
                    ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no version {number} in store '{DisplayUri}'.");
                if (version.RunId != evaluation.RunId)
                {
                    throw new GangwayException(ErrorKind.InvalidInput, $"Version {version.Reference} is the bundle of run '{version.RunId}', not of run '{evaluation.RunId}'.");
                }
            }

            var at = _time.GetUtcNow();
            SqliteEvaluations.Insert(transaction, id, evaluation, at, change.Actor);
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteString("evaluation", id);
                json.WriteString("data", evaluation.DataName);
                json.WriteString("data_sha256", evaluation.DataSha256);
                if (evaluation.Model is not null)
                {
                    json.WriteString("version", $"{evaluation.Model}:{evaluation.Version}");
                }
            });
            SqliteAudit.Append(transaction, at, change, AuditActions.EvaluationRecorded, evaluation.RunId, evaluation.Model, details);
            return SqliteEvaluations.Find(transaction, id);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await _database.ReadAsync(transaction => SqliteEvaluations.OfRun(transaction, runId), cancellationToken);
    }
}
