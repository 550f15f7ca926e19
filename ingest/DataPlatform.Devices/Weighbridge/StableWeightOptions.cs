namespace DataPlatform.Devices.Weighbridge;

/// <summary>How <see cref="StableWeightDetector"/> decides that a vehicle is on the scale and its weight is
/// settled. Defaults suit a 60–100 t truck scale with a 20 kg division.</summary>
/// <remarks>
/// <para><paramref name="EmptyThresholdKg"/>: At or below this the scale counts as empty; above it a vehicle is on
/// it.</para>
/// <para><paramref name="ToleranceKg"/>: Readings whose spread (max − min) stays within this count as one stable
/// weight.</para>
/// <para><paramref name="MinStableReadings"/>: At least this many consecutive steady readings …</para>
/// <para><paramref name="MinStableDuration"/>: … spanning at least this long.</para>
/// </remarks>
public sealed record StableWeightOptions(
    string EnterpriseId,
    string WeighbridgeId,
    decimal EmptyThresholdKg = 200m,
    decimal ToleranceKg = 20m,
    int MinStableReadings = 5,
    TimeSpan MinStableDuration = default)
{
    /// <summary>A window never needs to hold more readings than this to prove stability.</summary>
    public const int MaxWindow = 4096;

    /// <exception cref="ArgumentException">an option is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(EnterpriseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(WeighbridgeId);
        ArgumentOutOfRangeException.ThrowIfNegative(EmptyThresholdKg);
        ArgumentOutOfRangeException.ThrowIfNegative(ToleranceKg);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinStableReadings, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinStableReadings, MaxWindow);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinStableDuration, TimeSpan.Zero);
    }
}
