using Gangway.Data;

namespace Gangway.Bundles;

/// <summary>What a column of a model's input is for.</summary>
public enum ColumnRole
{
    /// <summary>The model uses the column to predict.</summary>
    Feature,

    /// <summary>The column identifies a row (e.g. a booking id); it is passed through to the output but not used to predict.</summary>
    Id,
}

/// <summary>One column a model expects as input.</summary>
/// <param name="Name">The column name (compared ordinally).</param>
/// <param name="Type">Numeric or text.</param>
/// <param name="Role">Feature or id.</param>
public sealed record InputColumn(string Name, ColumnType Type, ColumnRole Role);
