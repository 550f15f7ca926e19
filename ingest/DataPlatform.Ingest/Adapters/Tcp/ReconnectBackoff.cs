namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// Delay before the next dial of a converter: exponential from <c>min</c> (doubling per consecutive failure) up to
/// <c>max</c>, with "equal jitter" — a random point in the upper half of the step. The jitter keeps the dozens of
/// converters of a plant from re-dialling in lock-step after a switch reboot; the half that is not random keeps a
/// dead converter from being hammered. Pure given the random draw.
/// </summary>
public static class ReconnectBackoff
{
    /// <remarks>
    /// <para><paramref name="failures"/>: Consecutive failed dials (0 right after a connection that worked
    /// dropped).</para>
    /// <para><paramref name="unit"/>: A draw from [0, 1).</para>
    /// </remarks>
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max, double unit)
    {
        var step = min.Ticks * Math.Pow(2, Math.Clamp(failures, 0, 30));
        var capped = Math.Min(step, max.Ticks);
        var half = capped / 2;
        return TimeSpan.FromTicks((long)(half + half * Math.Clamp(unit, 0, 1)));
    }
}
