namespace DataPlatform.Compliance.Vehicles;

/// <summary>One thing wrong with a registry record.</summary>
/// <remarks>
/// <para><paramref name="Code"/>: Stable English slug for filtering and alarms (e.g. <c>vin_check_digit</c>).</para>
/// <para><paramref name="Reason"/>: Operator-facing explanation in Chinese.</para>
/// </remarks>
public sealed record VehicleFinding(FindingSeverity Severity, string Code, string Reason)
{
    public override string ToString() => $"{Severity} {Code}: {Reason}";
}
