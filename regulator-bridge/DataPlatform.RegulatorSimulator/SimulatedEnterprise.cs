namespace DataPlatform.RegulatorSimulator;

/// <summary>One enterprise known to the simulated platform, with the public key that verifies its uploads.</summary>
public sealed class SimulatedEnterprise
{
    public string EnterpriseCode { get; set; } = "";

    /// <summary>Empty accepts any appId for this enterprise.</summary>
    public string AppId { get; set; } = "";

    public string PublicKeyPem { get; set; } = "";

    public string PublicKeyPath { get; set; } = "";
}
