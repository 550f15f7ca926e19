namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Who is talking: the application id the regulator issued and the enterprise code (企业编码).</summary>
public sealed record EnvelopeIdentity(string AppId, string EntCode);
