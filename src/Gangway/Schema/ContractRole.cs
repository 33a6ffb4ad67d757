namespace Gangway.Schema;

/// <summary>What a column of a data contract is for; it decides whether data may lack the column.</summary>
public enum ContractRole
{
    /// <summary>A column every data set must have (the default).</summary>
    Input,

    /// <summary>
    /// An identifier (e.g. a booking id): copied to predictions when present. Data without the column is checked as if
    /// it were not declared; when present, its values must meet its rules.
    /// </summary>
    Id,

    /// <summary>
    /// The label a model learns: only labelled data has it. Data without the column is checked as if it were not
    /// declared; training and labelled evaluation still require it.
    /// </summary>
    Label,
}
