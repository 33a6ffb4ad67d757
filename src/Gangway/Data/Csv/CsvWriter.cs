using System.Text;

namespace Gangway.Data;

/// <summary>Writes a whole <see cref="Table"/> as RFC 4180 CSV; see <see cref="CsvTableWriter"/> for the format and for streaming.</summary>
public static class CsvWriter
{
    /// <summary>UTF-8 without a byte-order mark, the encoding Gangway writes CSV in.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header and every row of <paramref name="table"/>, columns in table order.</summary>
    /// <exception cref="ArgumentException">The table has no columns.</exception>
    public static void Write(Table table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new CsvTableWriter(writer, [.. table.ColumnNames]);
        csv.WriteHeader();
        csv.WriteRows(table);
    }

    /// <summary>Writes <paramref name="table"/> to a file in UTF-8 without BOM, replacing any file already there.</summary>
    /// <exception cref="ArgumentException">The table has no columns.</exception>
    public static void WriteFile(Table table, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, Encoding, bufferSize: 1 << 16);
        Write(table, writer);
    }
}
