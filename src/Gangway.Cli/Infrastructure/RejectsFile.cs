using Gangway.Data;

namespace Gangway.Cli.Infrastructure;

/// <summary>Writes rejected rows with their reasons as CSV: <c>line, column, reason, record</c>.</summary>
internal static class RejectsFile
{
    public static void Write(string path, TextWriter standardOutput, IReadOnlyList<RowError> rejected)
    {
        var table = new Table(
            new NumericColumn("line", [.. rejected.Select(r => (double)r.Line)]),
            new TextColumn("column", [.. rejected.Select(r => r.Column)]),
            new TextColumn("reason", [.. rejected.Select(r => r.Problem)]),
            new TextColumn("record", [.. rejected.Select(r => r.RecordText)]));
        FileOutput.WriteText(path, standardOutput, writer =>
        {
            CsvWriter.Write(table, writer);
            return true;
        });
    }
}
