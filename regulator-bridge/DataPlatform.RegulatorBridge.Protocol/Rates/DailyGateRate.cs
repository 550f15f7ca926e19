namespace DataPlatform.RegulatorBridge.Rates;

/// <summary>The rates of one gate on one China-time day (by generation time).</summary>
/// <remarks>
/// <para><paramref name="OnTime"/>: Real-time uploads acknowledged within the deadline.</para>
/// <para><paramref name="LateRealTime"/>: Real-time uploads acknowledged after the deadline.</para>
/// <para><paramref name="Backfilled"/>: 补传 uploads acknowledged: counted separately, never as on time.</para>
/// <para><paramref name="Uploaded"/>: Acknowledged records (the platform holds them): the completeness
/// denominator.</para>
/// <para><paramref name="Complete"/>: Acknowledged records whose payload was complete.</para>
/// </remarks>
public sealed record DailyGateRate(
    DateOnly Day,
    string GateId,
    int Generated,
    int OnTime,
    int LateRealTime,
    int Backfilled,
    int Unacknowledged,
    int Uploaded,
    int Complete)
{
    /// <summary>OnTime ÷ Generated, in [0, 1].</summary>
    public double TransmissionRate => Generated == 0 ? 1.0 : (double)OnTime / Generated;

    /// <summary>Complete ÷ Uploaded, in [0, 1]; null when nothing was uploaded (no evidence either way).</summary>
    public double? CompletenessRate => Uploaded == 0 ? null : (double)Complete / Uploaded;
}
