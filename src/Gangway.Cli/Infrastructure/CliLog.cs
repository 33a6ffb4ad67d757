using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Infrastructure;

/// <summary>Every log event of the CLI, as source-generated logger methods (cheap when the level is off).</summary>
internal static partial class CliLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Title}: {Stage}")]
    public static partial void Stage(this ILogger logger, string title, string stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained '{Model}' in {Seconds:F1} s; wrote {Path}")]
    public static partial void Trained(this ILogger logger, string model, double seconds, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {What} to {Path}")]
    public static partial void Wrote(this ILogger logger, string what, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contract warning: {Warning}")]
    public static partial void ContractWarning(this ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} value(s) broke warning rules of the data contract and were scored anyway; run 'gangway validate' for details")]
    public static partial void ContractWarnings(this ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "--rejects-include-pii: skipped rows are reported with personal data in clear (columns {Columns})")]
    public static partial void PersonalDataInClear(this ILogger logger, string columns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Reason}")]
    public static partial void SkippedRow(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Rows} rows in {Seconds:F2} s ({Rate:F0} rows/s), skipped {Rejected}; wrote {Output}")]
    public static partial void Scored(this ILogger logger, long rows, double seconds, double rate, int rejected, string output);

    [LoggerMessage(Level = LogLevel.Information, Message = "Parsed {Rows} rows of {Input} with parser '{Parser}', skipped {Rejected}; wrote {Output}")]
    public static partial void Parsed(this ILogger logger, long rows, string input, string parser, int rejected, string output);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Reference} is {Version} (run {RunId})")]
    public static partial void ResolvedModel(this ILogger logger, string reference, string version, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded run {RunId} in {Store}")]
    public static partial void RecordedRun(this ILogger logger, string runId, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded the held-out metrics against run {RunId}{Version} in {Store}")]
    public static partial void RecordedEvaluation(this ILogger logger, string runId, string version, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held-out metrics not recorded: {Reason}")]
    public static partial void EvaluationNotRecorded(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held-out metrics not recorded: no run of '{Experiment}' in {Store} holds this bundle (trained with --no-track?)")]
    public static partial void BundleOfNoRun(this ILogger logger, string experiment, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark run {RunId} as failed: {Reason}")]
    public static partial void RunNotMarkedFailed(this ILogger logger, string runId, string reason);
}
