using Gangway.Data;

namespace Gangway.Schema;

/// <summary>Validates a whole data source against a contract: what <c>gangway validate</c> runs.</summary>
public static class DataValidation
{
    /// <summary>
    /// Reads every column the contract declares (with the contract's types; other columns are ignored), checks every
    /// rule, and reports per rule. Rows that cannot be read into the declared types are reported as <c>type</c> errors.
    /// An id or label column (<see cref="ColumnSchema.Optional"/>) the source lacks is not checked, so unlabelled data passes.
    /// </summary>
    /// <exception cref="GangwayException">The source is missing or a declared column is absent from it.</exception>
    public static ValidationReport Validate(ITableSource source, DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        var options = new CsvReadOptions
        {
            ColumnTypes = schema.PhysicalTypes,
            Columns = schema.RequiredColumns.Count > 0 ? schema.RequiredColumns : null,
            OptionalColumns = schema.OptionalColumns,
            InvalidRows = InvalidRowPolicy.Skip,
            ChunkSize = int.MaxValue,
        };
        var chunk = source.ReadChunks(options).First();
        var result = new SchemaValidator(schema).Validate(chunk.Table);
        return new ValidationReport(result, row => $"line {chunk.Lines[row]}", chunk.Rejected);
    }
}
