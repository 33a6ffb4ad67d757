namespace Gangway.PredictionLog;

/// <summary>How the JSON Lines prediction log rotates its files.</summary>
public sealed record JsonLinesLogOptions
{
    /// <summary>The file name prefix: files are <c>{prefix}-yyyyMMdd-NNN.jsonl</c>. Default <c>predictions</c>.</summary>
    public string FilePrefix { get; init; } = "predictions";

    /// <summary>A file past this many bytes is closed and a new one started. Default 100 MB.</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>How many files to keep; older ones are deleted when a new one starts. Default 30.</summary>
    public int KeepFiles { get; init; } = 30;

    /// <summary>Checks every value.</summary>
    /// <exception cref="GangwayException">A value is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(FilePrefix) || FilePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"Prediction log file prefix '{FilePrefix}' must be a non-empty file name.");
        }

        if (MaxFileBytes < 1 || KeepFiles < 1)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration, $"Prediction log files must allow at least 1 byte and keep at least 1 file; they are {MaxFileBytes} bytes and {KeepFiles} files.");
        }
    }
}
