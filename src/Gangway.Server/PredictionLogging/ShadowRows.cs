using System.Runtime.CompilerServices;
using Gangway.Scoring;
using Gangway.Server.Records;
using Gangway.Server.Serving;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// Scores a one-record answer (<see cref="ScoredAnswer.IsRow"/>) with a shadow's <see cref="RowScorer"/>, as the answer
/// itself was scored, rather than as a one-row table: each input column of the shadow is filled from the answer's column
/// of the same name, whatever the order of either model's columns. How the columns of the model that answered map onto a
/// shadow's is worked out once per pair of models and forgotten with them. Thread-safe.
/// </summary>
internal sealed class ShadowRows
{
    private readonly ConditionalWeakTable<Served, ConditionalWeakTable<RequestSchema, ColumnMap>> _maps = [];

    /// <summary>
    /// Scores <paramref name="answer"/>'s record with <paramref name="shadow"/>'s row scorer. False when the shadow has
    /// none, the answer is not one record of the fast path, the answer lacks an input column of the shadow (or has it
    /// with another type) or the scorer refuses the row: score it as a table then, which reports what is wrong.
    /// </summary>
    public bool TryScore(ScoredAnswer answer, Served shadow, out RowPrediction prediction)
    {
        prediction = default;
        if (!answer.IsRow || shadow.Rows is not { } scorer || MapOf(answer.Served.Schema, shadow).Columns is not { } columns)
        {
            return false;
        }

        var row = scorer.Rent();
        try
        {
            answer.CopyTo(row, columns);
            return scorer.TryScore(row, out prediction);
        }
        finally
        {
            scorer.Return(row);
        }
    }

    private ColumnMap MapOf(RequestSchema answered, Served shadow)
    {
        var maps = _maps.GetValue(shadow, _ => new());
        return maps.TryGetValue(answered, out var map) ? map : Add(maps, answered, shadow.Schema);
    }

    // Apart, so the lambda's closure is allocated only the first time a pair is seen.
    private static ColumnMap Add(ConditionalWeakTable<RequestSchema, ColumnMap> maps, RequestSchema answered, RequestSchema shadow) =>
        maps.GetValue(answered, a => ColumnMap.Between(a, shadow));

    // Columns[i] is the index in the answered schema of the shadow's input column i; null when one is absent there or
    // has another type (the table path then fails as it always did).
    private sealed class ColumnMap(int[]? columns)
    {
        public int[]? Columns { get; } = columns;

        public static ColumnMap Between(RequestSchema answered, RequestSchema shadow)
        {
            var columns = new int[shadow.Columns.Count];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = answered.IndexOf(shadow.Columns[i].Name);
                if (columns[i] < 0 || answered.Columns[columns[i]].Type != shadow.Columns[i].Type)
                {
                    return new ColumnMap(null);
                }
            }

            return new ColumnMap(columns);
        }
    }
}
