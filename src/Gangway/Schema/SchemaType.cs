namespace Gangway.Schema;

/// <summary>The logical type of a column in a data contract.</summary>
public enum SchemaType
{
    /// <summary>Whole numbers (stored as numbers).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The schema file's word for whole numbers.")]
    Integer,

    /// <summary>Real numbers (stored as numbers).</summary>
    Real,

    /// <summary>0 or 1 (stored as numbers; parsers map yes/no, true/false and the like).</summary>
    Boolean,

    /// <summary>One of a known set of values; stored as numbers when every allowed value is a number, else as text.</summary>
    Category,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A date or date-time in ISO 8601 form (<c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm:ss</c>), stored as text.</summary>
    DateTime,
}
