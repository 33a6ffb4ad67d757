namespace Gangway.Data;

/// <summary>
/// How <see cref="CsvReader"/> reads CSV text. Immutable (derive variants with <c>with</c>); every property has a default that reads RFC 4180 UTF-8 CSV,
/// keeps every column and infers column types.
/// </summary>
public sealed record CsvReadOptions
{
    /// <summary>The options with every default.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>
    /// Declared types of columns, by header name. Columns not listed are inferred: numeric when every non-missing value
    /// is a finite invariant-culture number, otherwise text. Names absent from the header are ignored, so one schema can
    /// serve files with and without a label column. Default <see langword="null"/> (infer every column).
    /// </summary>
    public IReadOnlyDictionary<string, ColumnType>? ColumnTypes { get; init; }

    /// <summary>
    /// The columns to keep, by header name; the others are skipped without being parsed. A requested column that is not
    /// in the header is an error. Default <see langword="null"/> (keep all columns).
    /// </summary>
    public IReadOnlyCollection<string>? Columns { get; init; }

    /// <summary>
    /// With <see cref="Columns"/>: more columns to keep when the header has them, and to leave out without an error when
    /// it does not (e.g. a model's id columns, which a record to score may lack). Default <see langword="null"/> (none).
    /// </summary>
    public IReadOnlyCollection<string>? OptionalColumns { get; init; }

    /// <summary>
    /// Rows per chunk in <see cref="CsvReader.ReadChunks(TextReader, CsvReadOptions?)"/>; inferred column types are fixed
    /// by the first chunk. <see cref="int.MaxValue"/> reads everything as one chunk. Default 8192.
    /// </summary>
    public int ChunkSize { get; init; } = 8192;

    /// <summary>What to do with a row that breaks a rule. Default <see cref="InvalidRowPolicy.Fail"/>.</summary>
    public InvalidRowPolicy InvalidRows { get; init; } = InvalidRowPolicy.Fail;

    /// <summary>The character between fields. Default ','.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The character that encloses fields holding delimiters, quotes or line breaks; doubled inside them. Default '"'.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>Checks that the options make sense together.</summary>
    /// <exception cref="GangwayException">An option is out of range (kind <see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public void Validate()
    {
        if (ChunkSize < 1)
        {
            throw Invalid($"CSV chunk size must be at least 1; found {ChunkSize}.");
        }

        if (Delimiter is '\r' or '\n' || Quote is '\r' or '\n')
        {
            throw Invalid("CSV delimiter and quote cannot be line-break characters.");
        }

        if (Delimiter == Quote)
        {
            throw Invalid($"CSV delimiter and quote must differ; both are '{Delimiter}'.");
        }

        if (Columns is { Count: 0 })
        {
            throw Invalid("CSV column selection is empty; leave it unset to keep all columns.");
        }
    }

    private static GangwayException Invalid(string message) => new(ErrorKind.InvalidConfiguration, message);
}
