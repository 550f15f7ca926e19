namespace DataPlatform.Devices.VehicleList;

/// <summary>One supported content layout of the 随车清单 QR.</summary>
public interface IVehicleListLayout
{
    /// <summary>Stable name, recorded in <see cref="VehicleInfo.Layout"/>.</summary>
    string Name { get; }

    /// <summary>Whether the text is in this layout at all. Must be cheap, never throw, and be unambiguous: at
    /// most one layout recognises any text.</summary>
    bool Recognises(string text);

    /// <summary>Reads a text this layout recognises; never throws.</summary>
    DeviceResult<VehicleInfo> Parse(string text);
}
