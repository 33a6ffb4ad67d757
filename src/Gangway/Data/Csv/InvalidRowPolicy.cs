namespace Gangway.Data;

/// <summary>What <see cref="CsvReader"/> does with a row that breaks a rule (wrong field count, unparseable number).</summary>
public enum InvalidRowPolicy
{
    /// <summary>Stop at the first bad row with a <see cref="GangwayException"/> naming its line, column and value.</summary>
    Fail,

    /// <summary>Leave the row out and report it in <see cref="CsvChunk.Rejected"/>.</summary>
    Skip,
}
