namespace Gangway.Store.Sqlite.Tests;

public sealed class SqliteFeedbackTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    // Statistics of an empty log make walking the model's records since `since` look cheap: the plan must still go from
    // the answers with feedback to their records by key.
    [Theory]
    [InlineData("")]
    [InlineData("f.prediction_id > $after AND ")]
    public async Task OutcomesSql_AnalysedStore_FindsServedRecordsByIdAndShadowsByAnswerWithoutScanningTheLog(string afterCondition)
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();
        _database.Sql("ANALYZE");
        var sql = SqliteFeedback.OutcomesSql(afterCondition)
            .Replace("$model", "'titanic'", StringComparison.Ordinal).Replace("$since", "'2026'", StringComparison.Ordinal)
            .Replace("$after", "'a'", StringComparison.Ordinal).Replace("$last", "'z'", StringComparison.Ordinal);

        var plan = _database.Sql("EXPLAIN QUERY PLAN " + sql).Select(row => (string)row[3]!).ToList();

        Assert.Contains("SEARCH p USING INDEX sqlite_autoindex_predictions_1 (id=?)", plan);
        Assert.Contains("SEARCH p USING INDEX predictions_shadows_by_answer (answer_id=?)", plan);
        Assert.DoesNotContain(plan, step => step.Contains("predictions_by_", StringComparison.Ordinal) || step.StartsWith("SCAN p", StringComparison.Ordinal));
    }
}
