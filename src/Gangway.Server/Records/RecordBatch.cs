using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Server.Records;

/// <summary>The records of one request as a table in the model's input schema, with the problems found while reading them.</summary>
/// <param name="Table">The readable records (every input column, in schema order).</param>
/// <param name="RecordOfRow">The request record index of each table row, or null when rows and records coincide.</param>
/// <param name="Errors">The problems found while reading (types, names).</param>
/// <param name="Ids">Which rows gave which id columns (null: all of them).</param>
internal sealed record RecordBatch(Table Table, IReadOnlyList<int>? RecordOfRow, List<RecordError> Errors, IdPresence? Ids = null)
{
    /// <summary>Which rows gave which id columns.</summary>
    public IdPresence IdsGiven => Ids ?? IdPresence.All;

    public int RecordOf(int row) => RecordOfRow?[row] ?? row;

    /// <summary>
    /// The one record <paramref name="row"/> holds, as a batch: a record the fast reader read but the row scorer
    /// refused is checked and reported from here, without reading the body a second time.
    /// </summary>
    public static RecordBatch Of(RowValues row, RequestSchema schema)
    {
        var given = new bool[]?[schema.Columns.Count];
        foreach (var id in schema.IdIndexes)
        {
            given[id] = [row.IsGiven(id)];
        }

        var table = new Table(schema.Columns.Select((c, i) => schema.IsNumeric(i)
            ? (Column)new NumericColumn(c.Name, [row.IsGiven(i) ? row.GetNumber(i) : double.NaN])
            : new TextColumn(c.Name, [row.IsGiven(i) ? row.GetText(i) : null])));
        return new RecordBatch(table, null, [], new IdPresence(given));
    }
}
