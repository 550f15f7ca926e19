namespace DataPlatform.Tests.Infrastructure;

/// <summary>A clock stopped at <paramref name="now"/>: "now" for code that takes a <see cref="TimeProvider"/> (Quartz
/// triggers, retention, the simulator's live day). Its timers still run in real time, so a wait computed from this
/// "now" ends by cancellation in a test, not by the clock moving.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
