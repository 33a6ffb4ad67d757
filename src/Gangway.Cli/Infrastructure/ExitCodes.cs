namespace Gangway.Cli.Infrastructure;

/// <summary>The documented exit codes of the gangway tool (see docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int InvalidInput = 3;
    public const int NotFound = 4;
    public const int CorruptArtifact = 5;
    public const int InvalidConfiguration = 6;
    public const int Conflict = 7;
    public const int GateFailed = 8;
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM while writing an output (128 + 15, as a shell reports it).</summary>
    public const int Terminated = 143;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput or ErrorKind.Unreadable or ErrorKind.TooLarge or ErrorKind.UnsupportedFormat or ErrorKind.ContractViolation => InvalidInput,
        ErrorKind.NotFound => NotFound,
        ErrorKind.CorruptArtifact => CorruptArtifact,
        ErrorKind.InvalidConfiguration => InvalidConfiguration,
        ErrorKind.Conflict => Conflict,
        _ => Unexpected,
    };
}
