namespace Gangway.Store.PostgreSql;

/// <summary>Times as PostgreSQL keeps them: UTC with microseconds, so what a write returns equals what a read gives.</summary>
internal static class StoreTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary><paramref name="value"/> in UTC, truncated to whole microseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>As <see cref="Normalize(DateTimeOffset)"/>; null stays null.</summary>
    public static DateTimeOffset? Normalize(DateTimeOffset? value) => value is { } v ? Normalize(v) : null;
}
