namespace Gangway.Data;

/// <summary>The physical type of a <see cref="Column"/>.</summary>
public enum ColumnType
{
    /// <summary>Numbers stored as <see cref="double"/>; a missing value is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Strings; a missing value is <see langword="null"/>.</summary>
    Text,
}
