namespace DataPlatform.Compliance.Trips;

/// <summary>Which way the cargo went, from the order of the weighings.</summary>
public enum TripLoad
{
    /// <summary>Fewer than two weighings.</summary>
    Unknown = 0,

    /// <summary>Heavier first (gross at entry, tare at exit): a delivery into the plant.</summary>
    Inbound = 1,

    /// <summary>Lighter first (tare at entry, gross at exit): a shipment out of the plant.</summary>
    Outbound = 2,

    /// <summary>Both weighings equal.</summary>
    Empty = 3,
}
