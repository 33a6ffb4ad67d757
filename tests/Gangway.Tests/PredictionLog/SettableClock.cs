namespace Gangway.Tests.PredictionLog;

/// <summary>A clock whose current time the test sets; timers still run on real time.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
