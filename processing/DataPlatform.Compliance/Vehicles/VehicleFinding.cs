namespace DataPlatform.Compliance.Vehicles;

/// <summary>One thing wrong with a registry record.</summary>
/// <param name="Code">Stable English slug for filtering and alarms (e.g. <c>vin_check_digit</c>).</param>
/// <param name="Reason">Operator-facing explanation in Chinese.</param>
public sealed record VehicleFinding(FindingSeverity Severity, string Code, string Reason)
{
    public override string ToString() => $"{Severity} {Code}: {Reason}";
}
