using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>One row of a table as a CSV record (no header, no line ending), for rejects files.</summary>
internal static class RowText
{
    public static string Of(Table table, int row)
    {
        using var text = new StringWriter();
        new CsvTableWriter(text, [.. table.ColumnNames]).WriteRows(table.Take([row]));
        return text.ToString().TrimEnd('\n');
    }
}
