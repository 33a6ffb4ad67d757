using System.Text;
using Gangway.Data;

namespace Gangway.Bundles;

/// <summary>
/// The input a model expects: its columns in order, with type and role, plus what it predicts. Immutable.
/// Saved as <c>schema.json</c> in a model bundle so a service can check requests before scoring them.
/// </summary>
public sealed class InputSchema
{
    /// <summary>Creates a schema.</summary>
    /// <param name="columns">The input columns, in order; names must be distinct.</param>
    /// <param name="target">The column the model predicts; it is not an input column.</param>
    /// <param name="positiveClass">For binary classification, the target value counted as positive; otherwise <see langword="null"/>.</param>
    /// <exception cref="GangwayException">No columns, a repeated or blank name, a blank target, or the target listed as an input (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public InputSchema(IReadOnlyList<InputColumn> columns, string target, string? positiveClass)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        Target = target;
        PositiveClass = positiveClass;
        Validate();
    }

    /// <summary>The input columns, in order.</summary>
    public IReadOnlyList<InputColumn> Columns { get; }

    /// <summary>The column the model predicts.</summary>
    public string Target { get; }

    /// <summary>For binary classification, the target value counted as positive; otherwise <see langword="null"/>.</summary>
    public string? PositiveClass { get; }

    /// <summary>The names of the columns with <see cref="ColumnRole.Feature"/>, in order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> FeatureNames => Columns.Where(c => c.Role == ColumnRole.Feature).Select(c => c.Name);

    /// <summary>The schema as indented JSON (camelCase; types and roles as lowercase strings); deterministic.</summary>
    public string ToJson() => GangwayJson.SerializeToString(this);

    /// <summary>Reads a schema written by <see cref="ToJson"/>.</summary>
    /// <exception cref="GangwayException">The JSON is malformed or breaks a rule of the constructor (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static InputSchema FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(Encoding.UTF8.GetBytes(json));
    }

    internal static InputSchema FromUtf8(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return GangwayJson.Deserialize<InputSchema>(utf8, "schema.json");
        }
        catch (GangwayException ex) when (ex.Kind != ErrorKind.CorruptArtifact)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'schema.json' is not valid: {ex.Message}", ex);
        }
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Target))
        {
            throw new GangwayException(ErrorKind.InvalidInput, "An input schema needs a target column.");
        }

        if (Columns.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "An input schema needs at least one column.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (column is null || string.IsNullOrWhiteSpace(column.Name))
            {
                throw new GangwayException(ErrorKind.InvalidInput, "Every input column needs a name.");
            }

            if (!seen.Add(column.Name))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Input column '{column.Name}' appears more than once.");
            }

            if (!Enum.IsDefined(column.Type) || !Enum.IsDefined(column.Role))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Input column '{column.Name}' has an unknown type or role.");
            }
        }

        if (seen.Contains(Target))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"The target '{Target}' cannot also be an input column.");
        }
    }
}
