namespace Gangway.Server.Records;

/// <summary>
/// Which records of a batch gave each id column. A record without an id field is scored without the id: the id's rules
/// are not checked and the answer has no such field. An id given as null is still checked (and usually rejected).
/// </summary>
/// <param name="givenByColumn">Per input column, whether each table row gave it; a null entry (or none) means every row did.</param>
internal sealed class IdPresence(bool[]?[] givenByColumn)
{
    /// <summary>Every row gave every id.</summary>
    public static IdPresence All { get; } = new([]);

    /// <summary>The presence of the rows <paramref name="rows"/>, in that order (for a part of a batch).</summary>
    public IdPresence Take(IReadOnlyList<int> rows) =>
        new([.. givenByColumn.Select(given => given is null ? null : rows.Select(row => given[row]).ToArray())]);

    /// <summary>Whether table row <paramref name="row"/> gave input column <paramref name="column"/>.</summary>
    public bool IsGiven(int column, int row) =>
        (uint)column >= (uint)givenByColumn.Length || givenByColumn[column] is not { } given || given[row];
}
