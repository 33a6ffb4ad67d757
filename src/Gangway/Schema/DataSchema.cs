using Gangway.Data;

namespace Gangway.Schema;

/// <summary>
/// A data contract: the columns a data set must have, their types and the expectations on their values. Read and written
/// as YAML (<see cref="DataSchemaReader"/>, <see cref="DataSchemaWriter"/>), checked by <see cref="SchemaValidator"/>.
/// </summary>
public sealed class DataSchema
{
    private readonly Dictionary<string, ColumnSchema> _byName;

    /// <summary>Creates a schema; column names must be distinct.</summary>
    /// <exception cref="GangwayException">A name repeats or an expectation is inconsistent (InvalidConfiguration).</exception>
    public DataSchema(IEnumerable<ColumnSchema> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        _byName = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (!_byName.TryAdd(column.Name, column))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"Schema: column '{column.Name}' is declared twice.");
            }

            SchemaConsistency.Check(column);
        }
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>The column of that name, or null.</summary>
    public ColumnSchema? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The column of that name.</summary>
    /// <exception cref="GangwayException">No such column; the message lists the declared ones.</exception>
    public ColumnSchema this[string name] => Find(name) ?? throw new GangwayException(
        ErrorKind.NotFound,
        $"The schema has no column '{name}'. Declared columns: {NameList.Of(Columns.Select(c => c.Name))}.");

    /// <summary>The physical type of every column, for reading data (e.g. <see cref="CsvReadOptions.ColumnTypes"/>).</summary>
    public IReadOnlyDictionary<string, ColumnType> PhysicalTypes =>
        Columns.ToDictionary(c => c.Name, c => c.PhysicalType, StringComparer.Ordinal);

    /// <summary>The part of the schema that covers <paramref name="names"/>; names it does not declare are left out.</summary>
    public DataSchema Select(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new DataSchema(names.Select(Find).OfType<ColumnSchema>());
    }

    /// <summary>
    /// This schema with <paramref name="ids"/> given <see cref="ContractRole.Id"/> and <paramref name="label"/> (when
    /// declared) <see cref="ContractRole.Label"/>, e.g. as a model's spec names them; names it does not declare are ignored.
    /// </summary>
    public DataSchema WithRoles(IEnumerable<string> ids, string? label)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var idSet = ids.ToHashSet(StringComparer.Ordinal);
        return new DataSchema(Columns.Select(c =>
            idSet.Contains(c.Name) ? c with { Role = ContractRole.Id }
            : c.Name == label ? c with { Role = ContractRole.Label }
            : c));
    }

    /// <summary>The names of the columns every data set must have; the others (<see cref="ColumnSchema.Optional"/>) may be absent.</summary>
    public IReadOnlyList<string> RequiredColumns => [.. Columns.Where(c => !c.Optional).Select(c => c.Name)];

    /// <summary>The names of the columns data may lack: ids and the label.</summary>
    public IReadOnlyList<string> OptionalColumns => [.. Columns.Where(c => c.Optional).Select(c => c.Name)];

    /// <summary>The names of columns marked as personal data.</summary>
    public IReadOnlySet<string> PiiColumns => Columns.Where(c => c.Pii).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
}
