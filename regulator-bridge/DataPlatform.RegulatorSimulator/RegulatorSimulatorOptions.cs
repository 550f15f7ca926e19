using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator;

/// <summary>The regulator platform simulator: which profiles it speaks on which ports, whose keys it uses, where
/// it keeps what it accepted, which commands it issues by itself and which faults it injects. Bound from the
/// configuration section <see cref="SectionName"/>. Keys are PEM text or PEM file paths, never repository files.</summary>
public sealed class RegulatorSimulatorOptions
{
    public const string SectionName = "RegulatorSimulator";

    /// <summary>Address both listeners bind to; loopback by default so a test never exposes a port.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the HTTP(S) endpoint of <see cref="HttpProfile"/>; 0 picks a free port.</summary>
    public int HttpPort { get; set; }

    /// <summary>Port of the persistent TCP JSON-lines listener of <see cref="TcpProfile"/>; 0 picks a free port.</summary>
    public int TcpPort { get; set; }

    /// <summary>Profile served over HTTP (an HTTPS-transport profile); empty: no HTTP upload endpoint (the
    /// /sim/* query and control endpoints still run).</summary>
    public string HttpProfile { get; set; } = RegulatorProfiles.BaselineName;

    /// <summary>Profile served over TCP (a TCP JSON-lines profile); empty: no TCP listener.</summary>
    public string TcpProfile { get; set; } = RegulatorProfiles.HebeiTcpName;

    /// <summary>Extra or overriding profiles (same binding as the bridge's), looked up by name with the built-ins.</summary>
    public List<RegulatorProfile> Profiles { get; set; } = [];

    /// <summary>Optional PEM certificate and key files: when both are set the endpoint speaks HTTPS.</summary>
    public string CertificatePemPath { get; set; } = "";

    public string CertificateKeyPemPath { get; set; } = "";

    /// <summary>The enterprise (企业编码) whose uploads are accepted; others are refused as unknown.</summary>
    public string EnterpriseCode { get; set; } = "";

    /// <summary>The application id the regulator issued to that enterprise; empty accepts any appId.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The enterprise's public key (PEM text, or a path to a PEM file) that verifies its uploads.</summary>
    public string EnterprisePublicKeyPem { get; set; } = "";

    public string EnterprisePublicKeyPath { get; set; } = "";

    /// <summary>Further enterprises on the same platform, each with its own key.</summary>
    public List<SimulatedEnterprise> Enterprises { get; set; } = [];

    /// <summary>The platform's private key (PEM text, or a path) that signs responses and commands. Both empty: a
    /// fresh 2048-bit key per start, whose public half is <c>RegulatorPlatformSimulator.PlatformPublicKeyPem</c>
    /// (and, with a <see cref="DataDirectory"/>, the file <c>platform-public.pem</c> there).</summary>
    public string PlatformPrivateKeyPem { get; set; } = "";

    public string PlatformPrivateKeyPath { get; set; } = "";

    /// <summary>The platform's own application id, written into commands it signs.</summary>
    public string PlatformAppId { get; set; } = "REGULATOR-SIM";

    /// <summary>Folder for the JSON-lines store (<c>records.jsonl</c>, reloaded at start so repeats stay dropped
    /// across restarts); empty: memory only.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Commands the platform issues by itself.</summary>
    public CommandScheduleOptions CommandSchedule { get; set; } = new();

    /// <summary>Faults injected from the start; replace at run time with <c>SetFaults</c> or POST /sim/faults.</summary>
    public FaultPlan FaultPlan { get; set; } = new();
}
