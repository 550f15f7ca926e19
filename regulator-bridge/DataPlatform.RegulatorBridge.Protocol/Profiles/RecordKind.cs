namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>What a request carries; each kind has a method name in the profile.</summary>
public enum RecordKind
{
    /// <summary>进出厂运输车辆 passage.</summary>
    Passage = 1,

    /// <summary>进出厂运输车辆 register (the vehicle's documents, kept once per vehicle).</summary>
    VehicleRegister = 2,

    /// <summary>厂内运输车辆 register.</summary>
    InPlantVehicleRegister = 3,

    /// <summary>非道路移动机械 register.</summary>
    NonRoadRegister = 4,

    /// <summary>A picture uploaded on its own, answered with a file id.</summary>
    Image = 5,

    Heartbeat = 6,

    CommandPoll = 7,

    /// <summary>Our receipt / execution report for a downlink command.</summary>
    CommandReceipt = 8,
}
