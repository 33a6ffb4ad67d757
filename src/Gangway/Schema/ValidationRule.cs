namespace Gangway.Schema;

/// <summary>The rules a data contract can check; names as written in schema files and reports.</summary>
public enum ValidationRule
{
    /// <summary>The value must have the column's type (e.g. a whole number, a valid date).</summary>
    Type,

    /// <summary>The value must be present (the column is not nullable).</summary>
    Required,

    /// <summary>The value must be one of the allowed values.</summary>
    AllowedValues,

    /// <summary>The value must be at least the minimum.</summary>
    Min,

    /// <summary>The value must be at most the maximum.</summary>
    Max,

    /// <summary>The share of missing values in the data must not exceed the maximum (a check on the whole data set).</summary>
    MaxMissingRate,

    /// <summary>Text must match the regular expression.</summary>
    Pattern,

    /// <summary>Text must not be longer than the maximum length.</summary>
    MaxLength,
}
