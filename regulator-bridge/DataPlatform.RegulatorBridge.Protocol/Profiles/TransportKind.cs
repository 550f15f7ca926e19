namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>How the bridge reaches the platform.</summary>
public enum TransportKind
{
    /// <summary>One HTTPS POST of a signed JSON envelope per request (spec §5 baseline).</summary>
    Https = 1,

    /// <summary>One persistent TCP connection carrying one signed JSON envelope per line, with heartbeats
    /// (Hebei-style platforms).</summary>
    TcpJsonLines = 2,
}
