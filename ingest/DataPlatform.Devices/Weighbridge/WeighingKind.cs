namespace DataPlatform.Devices.Weighbridge;

/// <summary>毛重 (loaded vehicle) or 皮重 (empty vehicle). The indicator cannot tell; the weighbridge software or
/// the pairing of a vehicle's two weighings can.</summary>
public enum WeighingKind
{
    Unknown = 0,
    Gross = 1,
    Tare = 2,
}
