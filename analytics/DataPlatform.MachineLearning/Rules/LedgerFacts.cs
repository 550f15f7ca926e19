namespace DataPlatform.MachineLearning.Rules;

/// <summary>A gate passage as the rules see it (from <c>passages</c>, with its decision's outcome when known).</summary>
/// <remarks>
/// <para><paramref name="DeviceId"/>: A guard's manual passage has <c>guard:&lt;operator&gt;</c>.</para>
/// <para><paramref name="Outcome"/>: allow | deny | manual | "" when not decided yet.</para>
/// </remarks>
public sealed record PassageFact(
    Guid PassageId, string EnterpriseId, string GateId, int Direction, DateTimeOffset PassTime, string Plate,
    string VehicleType, string DeviceId, IReadOnlyList<string> Pictures, string Outcome)
{
    public bool IsManual => DeviceId.StartsWith("guard:", StringComparison.Ordinal);

    /// <summary>GA 24.4 goods vehicles (货车 H…, 牵引车 Q…) are the ones a plant weighs.</summary>
    public bool CarriesGoods => VehicleType.Length > 0 && VehicleType[0] is 'H' or 'Q';
}

/// <summary>A weighing with a plate (<c>weighings</c>).</summary>
public sealed record WeighingFact(string EnterpriseId, string Plate, DateTimeOffset At);

/// <summary>A non-road machine seen by a work-area or gate camera (<c>non_road_sightings</c>).</summary>
public sealed record SightingFact(Guid SightingId, string EnterpriseId, string Plate, string GateId, string Kind, DateTimeOffset At, bool Registered);
