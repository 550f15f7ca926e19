namespace DataPlatform.Analytics.Rating;

/// <summary>One record behind a metric (<c>dataplatform rating evidence</c>): a trip (with its entry and exit
/// passages, pictures and weighings), an imported shipment, or a register record, and whether it counts in the
/// metric's numerator and denominator.</summary>
/// <remarks>
/// <para><paramref name="Kind"/>: <c>trip</c>, <c>shipment</c>, <c>in-plant</c> or <c>non-road</c>.</para>
/// <para><paramref name="Id"/>: trip_id, shipment_id or registration code.</para>
/// <para><paramref name="Time"/>: Entry time (China), ship date, or the register version's changed_at.</para>
/// <para><paramref name="Tonnes"/>: Net tonnes counted (0 for register records).</para>
/// <para><paramref name="Passages"/>: Entry and exit passage ids of a trip.</para>
/// <para><paramref name="Pictures"/>: The passages' picture ids (sha256:…).</para>
/// <para><paramref name="Weighings"/>: The trip's weighing ids.</para>
/// <para><paramref name="Reference"/>: Waybill number of a shipment, cargo of a trip.</para>
/// </remarks>
public sealed record EvidenceRow(
    string Kind, string Id, string Time, string Plate, string VehicleType, string Stage, decimal Tonnes,
    bool InNumerator, bool InDenominator, IReadOnlyList<string> Passages, IReadOnlyList<string> Pictures,
    IReadOnlyList<string> Weighings, string Reference);
