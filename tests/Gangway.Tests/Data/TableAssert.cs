using Gangway.Data;

namespace Gangway.Tests.Data;

/// <summary>Value equality of tables for tests: same names, types and values in order (NaN equals NaN).</summary>
internal static class TableAssert
{
    public static void Equal(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (var row = 0; row < column.Length; row++)
            {
                if (column is NumericColumn numbers)
                {
                    Assert.Equal(numbers[row], ((NumericColumn)other)[row]);
                }
                else
                {
                    Assert.Equal(((TextColumn)column)[row], ((TextColumn)other)[row]);
                }
            }
        }
    }

    /// <summary>Stacks chunks back into one table (test-sized data only).</summary>
    public static Table Concat(IEnumerable<Table> tables)
    {
        var list = tables.ToList();
        return new Table(list[0].Columns.Select(first => first is NumericColumn
            ? (Column)new NumericColumn(first.Name, [.. list.SelectMany(t => t.GetNumeric(first.Name).Values.ToArray())])
            : new TextColumn(first.Name, [.. list.SelectMany(t => t.GetText(first.Name).Values.ToArray())])));
    }
}
