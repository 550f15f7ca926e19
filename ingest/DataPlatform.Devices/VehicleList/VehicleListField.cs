namespace DataPlatform.Devices.VehicleList;

/// <summary>The fields of the list we read, whatever a layout calls them.</summary>
public enum VehicleListField
{
    DisclosureNumber,
    Vin,
    Model,
    EngineModel,
    EngineMaker,
    EmissionStage,
    Fuel,
    Manufacturer,
    ProductionDate,
}
