namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>The persistent TCP link of a JSON-lines profile.</summary>
public sealed class TcpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public bool UseTls { get; set; }

    /// <summary>A line longer than this is a protocol error and drops the connection: without a cap, a peer that
    /// never sends a newline would grow the buffer without end.</summary>
    public int MaxLineBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The link counts as dead after this many heartbeat periods without any line from the platform.</summary>
    public int MissedHeartbeatsBeforeReconnect { get; set; } = 3;

    public TcpOptions Clone() => (TcpOptions)MemberwiseClone();
}
