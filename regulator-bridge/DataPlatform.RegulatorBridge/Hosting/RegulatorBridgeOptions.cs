using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Rates;

namespace DataPlatform.RegulatorBridge.Hosting;

/// <summary>The regulator bridge, bound from the <c>RegulatorBridge</c> section. The profile itself is the built-in
/// named by <see cref="Profile"/> with <c>RegulatorBridge:ProfileSettings</c> bound on top (endpoints, field names,
/// codes …), so adding a regulator is configuration plus at most one <c>IPayloadMapping</c>.</summary>
public sealed class RegulatorBridgeOptions
{
    public const string Section = "RegulatorBridge";

    /// <summary>Off by default: a plant without a regulator contract runs no bridge.</summary>
    public bool Enabled { get; set; }

    /// <summary>The built-in profile to start from: <c>baseline</c> (HTTPS) or <c>hebei-tcp</c>.</summary>
    public string Profile { get; set; } = "baseline";

    /// <summary>The appId the regulator assigned to this enterprise.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Our enterprise code (entCode); record ids start with it.</summary>
    public string EntCode { get; set; } = "";

    /// <summary>PEM file of the enterprise's RSA private key (PKCS#8 or PKCS#1). Never inside the repository.</summary>
    public string PrivateKeyFile { get; set; } = "";

    /// <summary>Environment variable holding that PEM instead of a file (used when the file is not set).</summary>
    public string PrivateKeyVariable { get; set; } = "REGULATOR_BRIDGE_PRIVATE_KEY";

    /// <summary>PEM file of the platform's public key, which signs responses and commands.</summary>
    public string PlatformPublicKeyFile { get; set; } = "";

    public string PlatformPublicKeyVariable { get; set; } = "REGULATOR_PLATFORM_PUBLIC_KEY";

    /// <summary>Kafka consumer group reading <c>ledger.records</c>.</summary>
    public string GroupId { get; set; } = "regulator-bridge";

    /// <summary>Where ingest keeps pictures when its store is the local directory (content-addressed
    /// <c>ab/cd/&lt;sha256&gt;</c>); empty: <c>Ingest:PictureDirectory</c>, and without either records go without
    /// them. With <c>Ingest:PictureStore:Kind=s3</c> the bridge reads the same bucket ingest writes instead.</summary>
    public string PictureDirectory { get; set; } = "";

    /// <summary>How long an exit passage waits for its closed trip's version (cargo, net weight) before it is uploaded
    /// without them. [P] The platform drops repeats by record id, so an exit goes once, complete: held until the
    /// trip's version arrives or this span after the pass time. It is cut to what leaves room for one retry before the
    /// profile's real-time deadline (<see cref="Outbox.ExitHoldPolicy"/>: 60 s − 10 s request − 2 s back-off − 10 s
    /// request = 38 s with the defaults); keep it above the trips job's interval + publish lag (30 s + 5 s), or exits
    /// go without cargo. The deadline itself is never moved: a hold that overruns it makes the exit a 补传.</summary>
    public TimeSpan ExitHold { get; set; } = TimeSpan.FromSeconds(38);

    /// <summary>Requests answered at the usual pace that may be out at once (the upload window, <see cref="Outbox.UploadWindow"/>).</summary>
    public int MaxInFlight { get; set; } = 32;

    /// <summary>A request unanswered this long (a platform holding it until the request deadline) stops counting against
    /// <see cref="MaxInFlight"/>: it holds only its own connection while other uploads go on.</summary>
    public TimeSpan SlowRequestAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>All requests out at once, slow ones included: the most connections the platform sees from this bridge.</summary>
    public int MaxOutstanding { get; set; } = 512;

    /// <summary>The upload window these settings describe.</summary>
    public Outbox.UploadWindow Window() => new(MaxInFlight, SlowRequestAfter, Math.Max(MaxInFlight, MaxOutstanding));

    /// <summary>Idle wait between upload rounds when nothing is due.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Platform response codes that refuse a record for good (schema, unknown enterprise). Every other
    /// refusal is retried with back-off: a busy platform must not cost the plant a record.</summary>
    public List<string> PermanentRefusalCodes { get; set; } = [];

    public BackoffPolicy Backoff { get; set; } = new();

    public CircuitBreakerOptions Circuit { get; set; } = new();

    public SchedulerOptions Scheduler { get; set; } = new();

    public RateOptions Rates { get; set; } = new();

    /// <summary>How often rates are recomputed and stored.</summary>
    public TimeSpan RatesInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Days back (China time) recomputed each time.</summary>
    public int RatesDays { get; set; } = 2;

    /// <summary>An upload backlog alarm is raised above this many records waiting …</summary>
    public int BacklogAlarmCount { get; set; } = 1000;

    /// <summary>… or when the oldest waiting record is older than this.</summary>
    public TimeSpan BacklogAlarmAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>TCP: the login method sent first on every connection; empty: the profile needs no login.</summary>
    public string TcpLoginMethod { get; set; } = "LOGIN";

    /// <summary>TCP: first and longest wait between reconnects.</summary>
    public TimeSpan ReconnectInitial { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the bridge applies the ledger migrations itself (a bridge-only process).</summary>
    public bool Migrate { get; set; } = true;
}
