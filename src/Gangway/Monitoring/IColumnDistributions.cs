using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// The distributions of a set of columns, as drift is computed from them: the bundle's training reference, a file
/// read whole, a sketch of a file streamed row group by row group, or a service's window. One implementation per
/// source; every statistic reads only this.
/// </summary>
public interface IColumnDistributions
{
    /// <summary>How many rows the distributions were taken from.</summary>
    long RowCount { get; }

    /// <summary>The columns, in their order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Whether <paramref name="column"/> holds numbers or text.</summary>
    /// <exception cref="GangwayException">There is no such column (<see cref="ErrorKind.NotFound"/>, listing the columns).</exception>
    ColumnType ColumnTypeOf(string column);

    /// <summary>The distribution of a numeric column.</summary>
    /// <exception cref="GangwayException">There is no such column, or it is not numeric.</exception>
    NumericDistribution Numeric(string column);

    /// <summary>The distribution of a text column; for a numeric column, its values formatted as categories.</summary>
    /// <exception cref="GangwayException">There is no such column.</exception>
    CategoryDistribution Categories(string column);
}
