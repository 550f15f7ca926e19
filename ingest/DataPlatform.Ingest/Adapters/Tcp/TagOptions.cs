namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>One e-tag issued to a vehicle, listed under an e-tag reader's <c>tags</c> until the vehicle register
/// serves them (a reader then resolves tags without a round trip to the register).</summary>
public sealed class TagOptions
{
    public string Epc { get; set; } = "";

    public string PlateNo { get; set; } = "";

    /// <summary>The register's own vehicle id, e.g. an in-plant vehicle's internal number.</summary>
    public string VehicleId { get; set; } = "";
}
