using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>Record ids the platform can deduplicate on. Derived, never random: the same ledger row always yields
/// the same id, so whatever the outbox re-sends after a crash, the platform holds it once.</summary>
public static class RecordIds
{
    /// <summary><c>{entCode}-{P|V|I|N|M|H}-{localId}</c>; e.g. E1302001-P-2f9c… for a passage.</summary>
    public static string Create(string entCode, RecordKind kind, string localId)
    {
        ArgumentException.ThrowIfNullOrEmpty(entCode);
        ArgumentException.ThrowIfNullOrEmpty(localId);
        var letter = kind switch
        {
            RecordKind.Passage => 'P',
            RecordKind.VehicleRegister => 'V',
            RecordKind.InPlantVehicleRegister => 'I',
            RecordKind.NonRoadRegister => 'N',
            RecordKind.Image => 'M',
            RecordKind.Heartbeat => 'H',
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "this kind has no record id"),
        };
        return $"{entCode}-{letter}-{localId}";
    }
}
