using DataPlatform.RegulatorBridge.Envelope;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Everything that differs between regulators' platforms. Plain settable properties so a profile binds
/// from configuration (<c>section.Bind(RegulatorProfiles.Baseline)</c> overrides only what the section sets);
/// register it in a <see cref="ProfileRegistry"/>, which validates and snapshots it.</summary>
public sealed class RegulatorProfile
{
    /// <summary>The registry key, e.g. "baseline", "hebei-tcp", "tangshan".</summary>
    public string Name { get; set; } = "";

    /// <summary>For operators: 唐山市重型车辆门禁监管平台 …</summary>
    public string DisplayName { get; set; } = "";

    public TransportKind Transport { get; set; } = TransportKind.Https;
    public HttpsOptions Https { get; set; } = new();
    public TcpOptions Tcp { get; set; } = new();
    public ProfileMethods Methods { get; set; } = new();
    public EnvelopeStyle Envelope { get; set; } = new();

    /// <summary>Field id (<c>FieldIds</c>) → the regulator's field name; ids not listed keep their name.</summary>
    public Dictionary<string, string> FieldNames { get; set; } = new(StringComparer.Ordinal);

    public CodeMappings Codes { get; set; } = new();
    public PictureMode Pictures { get; set; } = PictureMode.SeparateUpload;
    public ProfileDeadlines Deadlines { get; set; } = new();
    public CompletenessRules Completeness { get; set; } = new();

    /// <summary>Payload date-time format, China time (the 2020 guide used <c>yyyyMMdd HHmmss</c>).</summary>
    public string DateTimeFormat { get; set; } = "yyyy-MM-dd HH:mm:ss";

    public string DateFormat { get; set; } = "yyyy-MM-dd";

    /// <summary>The upload-type value of a real-time record.</summary>
    public string RealTimeFlag { get; set; } = "0";

    /// <summary>The upload-type value of a 补传 record.</summary>
    public string BackfillFlag { get; set; } = "1";

    /// <summary>Whether the platform pushes commands down the link (TCP) instead of answering polls.</summary>
    public bool CommandsPushed { get; set; }

    /// <summary>Whether the platform wants a receipt for each downlink command.</summary>
    public bool CommandReceipts { get; set; } = true;

    /// <summary>The name of an <see cref="IPayloadMapping"/> in the registry; empty: configuration only.</summary>
    public string MappingName { get; set; } = "";

    /// <summary>A deep copy, so a registered snapshot cannot be changed through the bound instance.</summary>
    public RegulatorProfile Clone() => new()
    {
        Name = Name,
        DisplayName = DisplayName,
        Transport = Transport,
        Https = Https.Clone(),
        Tcp = Tcp.Clone(),
        Methods = Methods.Clone(),
        Envelope = Envelope.Clone(),
        FieldNames = new(FieldNames, StringComparer.Ordinal),
        Codes = Codes.Clone(),
        Pictures = Pictures,
        Deadlines = Deadlines.Clone(),
        Completeness = Completeness.Clone(),
        DateTimeFormat = DateTimeFormat,
        DateFormat = DateFormat,
        RealTimeFlag = RealTimeFlag,
        BackfillFlag = BackfillFlag,
        CommandsPushed = CommandsPushed,
        CommandReceipts = CommandReceipts,
        MappingName = MappingName,
    };
}
