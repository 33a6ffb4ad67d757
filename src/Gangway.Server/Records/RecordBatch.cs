using Gangway.Data;

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
}
