namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>Exponential back-off with "equal jitter": the n-th retry waits a uniform time in
/// [ceiling(n)/2, ceiling(n)], ceiling(n) = min(Max, Initial · Multiplier^(n−1)). Half the wait is fixed, so
/// retries never stampede at zero; the other half is random, so many records failed together spread out.
/// Bounds and expectation (0.75 · ceiling) never decrease with n because Multiplier ≥ 1.</summary>
public sealed class BackoffPolicy
{
    public TimeSpan Initial { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Max { get; set; } = TimeSpan.FromMinutes(10);
    public double Multiplier { get; set; } = 2.0;

    /// <summary>Give up (state Failed) after this many attempts; 0 = never, which is the default because every
    /// record must reach the platform eventually and an outage may last days.</summary>
    public int MaxAttempts { get; set; }

    /// <param name="attempt">1 for the wait after the first failed attempt.</param>
    public TimeSpan Ceiling(int attempt)
    {
        Validate();
        var n = Math.Max(1, attempt);
        // Work in double and cap before converting, so a large attempt number cannot overflow a TimeSpan.
        var ticks = Initial.Ticks * Math.Pow(Multiplier, Math.Min(n - 1, 1000));
        return ticks >= Max.Ticks || double.IsInfinity(ticks) ? Max : TimeSpan.FromTicks((long)ticks);
    }

    public TimeSpan Floor(int attempt) => TimeSpan.FromTicks(Ceiling(attempt).Ticks / 2);

    /// <remarks><paramref name="random"/>: Injected so tests are reproducible; callers share one per outbox
    /// worker.</remarks>
    public TimeSpan Delay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = Ceiling(attempt).Ticks;
        var floor = ceiling / 2;
        return TimeSpan.FromTicks(floor + (long)(random.NextDouble() * (ceiling - floor)));
    }

    private void Validate()
    {
        if (Initial <= TimeSpan.Zero || Max < Initial)
            throw new InvalidOperationException($"back-off needs 0 < Initial ≤ Max (Initial {Initial}, Max {Max})");
        if (!(Multiplier >= 1.0) || double.IsInfinity(Multiplier))
            throw new InvalidOperationException($"back-off Multiplier {Multiplier} must be a finite number ≥ 1");
    }
}
