using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Testing;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>Real-looking data of a Tangshan steel plant talking to its regulator.</summary>
internal static class Fixture
{
    public const string EntCode = TangshanPlant.EntCode;
    public const string AppId = TangshanPlant.AppId;

    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 15, 30, China);

    public static readonly EnvelopeIdentity Enterprise = new(AppId, EntCode);

    /// <summary>The platform signs its own messages under its own app id.</summary>
    public static readonly EnvelopeIdentity Platform = new("HB-PLATFORM", EntCode);

    public static CompiledProfile Baseline => TangshanPlant.Baseline;

    public static CompiledProfile Hebei => TangshanPlant.Hebei;

    public static PassageRecord Passage(string localId = "20261128-G01-000123") =>
        TangshanPlant.Passage(localId, Now.AddSeconds(-5), cargoWeightT: 31.46m);

    /// <summary>Separate-upload profiles get file ids, inline ones base64; here both are recognisable strings.</summary>
    public static string? Picture(string reference) => "file-" + reference[7..];
}
