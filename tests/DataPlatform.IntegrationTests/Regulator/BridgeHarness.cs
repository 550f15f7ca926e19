using System.Text;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Pictures;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorSimulator;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Regulator;

/// <summary>The bridge on the real engines against the real regulator platform simulator: keys in a temp folder
/// (never the repository), ledger records produced to <c>ledger.records</c> as processing publishes them, and the
/// bridge host started and stopped like the role process.</summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    public const string EntCode = "E1302001";
    private const string AppId = "TS-GATE-0001";

    private static readonly Lazy<(string EnterprisePrivate, string EnterprisePublic, string PlatformPrivate, string PlatformPublic)> Keys = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "regulator-keys-" + Guid.NewGuid().ToString("N")[..8]);
        var enterprise = RegulatorBridge.Keys.KeyPairFiles.EnsureGenerated(dir, "enterprise");
        var platform = RegulatorBridge.Keys.KeyPairFiles.EnsureGenerated(dir, "platform");
        return (enterprise.PrivateKeyFile, enterprise.PublicKeyFile, platform.PrivateKeyFile, platform.PublicKeyFile);
    });

    private readonly IProducer<string, byte[]> _producer;

    private BridgeHarness(TestPlatform platform, RegulatorPlatformSimulator simulator, string profile)
    {
        Platform = platform;
        Simulator = simulator;
        Profile = profile;
        PictureDirectory = Path.Combine(Path.GetTempPath(), "dataplatform-tests", platform.Database, "pictures");
        Directory.CreateDirectory(PictureDirectory);
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = platform.Kafka.BootstrapServers, Acks = Acks.All, EnableIdempotence = true }).Build();
    }

    public TestPlatform Platform { get; }

    public RegulatorPlatformSimulator Simulator { get; }

    public string Profile { get; }

    public string PictureDirectory { get; }

    public IHost? Bridge { get; private set; }

    /// <summary>Extra settings for the bridge (and processing, when started alongside).</summary>
    public Dictionary<string, string?> Overrides { get; } = new();

    public static async Task<BridgeHarness> StartAsync(EnginesFixture engines, string profile, FaultPlan? faults = null)
    {
        var platform = TestPlatform.Create(engines);
        foreach (var topic in new[] { Topics.ControlCommands, Topics.GateDecisions, Topics.LedgerRecords, Topics.BridgeStatus })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        var simulator = await RegulatorPlatformSimulator.StartAsync(new RegulatorSimulatorOptions
        {
            EnterpriseCode = EntCode,
            AppId = AppId,
            EnterprisePublicKeyPath = Keys.Value.EnterprisePublic,
            PlatformPrivateKeyPath = Keys.Value.PlatformPrivate,
            FaultPlan = faults ?? FaultPlan.None,
        });
        return new BridgeHarness(platform, simulator, profile);
    }

    public Dictionary<string, string?> Settings()
    {
        var s = Platform.Settings();
        s["RegulatorBridge:Enabled"] = "true";
        s["RegulatorBridge:Profile"] = Profile;
        s["RegulatorBridge:EntCode"] = EntCode;
        s["RegulatorBridge:AppId"] = AppId;
        s["RegulatorBridge:PrivateKeyFile"] = Keys.Value.EnterprisePrivate;
        s["RegulatorBridge:PlatformPublicKeyFile"] = Keys.Value.PlatformPublic;
        s["RegulatorBridge:PictureDirectory"] = PictureDirectory;
        s["RegulatorBridge:MaxInFlight"] = "48";
        s["RegulatorBridge:IdleDelay"] = "00:00:00.050";
        s["RegulatorBridge:Backoff:Initial"] = "00:00:00.050";
        s["RegulatorBridge:Backoff:Max"] = "00:00:00.400";
        s["RegulatorBridge:Circuit:FailureThreshold"] = "8";
        s["RegulatorBridge:Circuit:OpenDuration"] = "00:00:00.300";
        s["RegulatorBridge:RatesInterval"] = "00:00:00.500";
        s["RegulatorBridge:ReconnectInitial"] = "00:00:00.050";
        s["RegulatorBridge:ReconnectMax"] = "00:00:00.300";
        s["RegulatorBridge:ProfileSettings:Deadlines:Request"] = "00:00:00.800";
        s["RegulatorBridge:ProfileSettings:Deadlines:CommandPoll"] = "00:00:00.100";
        s["RegulatorBridge:ProfileSettings:Deadlines:Heartbeat"] = "00:00:02";
        if (Profile == RegulatorProfiles.HebeiTcpName)
        {
            s["RegulatorBridge:ProfileSettings:Tcp:Host"] = Simulator.TcpEndpoint.Address.ToString();
            s["RegulatorBridge:ProfileSettings:Tcp:Port"] = Simulator.TcpEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            s["RegulatorBridge:ProfileSettings:Https:BaseUrl"] = Simulator.HttpEndpoint.ToString();
        }
        foreach (var (key, value) in Overrides)
            s[key] = value;
        return s;
    }

    public async Task<IHost> StartBridgeAsync(PlatformRole roles = PlatformRole.Bridge)
    {
        var host = await TestPlatform.StartHostAsync(Settings(), roles);
        Bridge = host;
        return host;
    }

    public async Task StopBridgeAsync()
    {
        if (Bridge is null)
            return;
        await Bridge.StopAsync();
        Bridge.Dispose();
        Bridge = null;
    }

    /// <summary>Publishes passages as processing's ledger record publisher would; returns their upload ids. Every
    /// other passage carries a picture stored in the content-addressed picture folder.</summary>
    public async Task<List<string>> PublishPassagesAsync(IEnumerable<(string Gate, DateTimeOffset PassTime)> passages)
    {
        var ids = new List<string>();
        var tasks = new List<Task>();
        foreach (var (gate, passTime) in passages)
        {
            var id = Guid.NewGuid();
            var picture = ids.Count % 2 == 0 ? StorePicture(id) : null;
            tasks.Add(PublishRawAsync(gate, PassageJson(id, gate, passTime, $"冀B{10000 + ids.Count % 89999}", picture)));
            ids.Add($"{EntCode}-P-{id:N}");
        }
        await Task.WhenAll(tasks);
        return ids;
    }

    /// <summary>A passage's <c>ledger.records</c> message as processing publishes it, with at most one picture.</summary>
    public static string PassageJson(Guid id, string gate, DateTimeOffset passTime, string plate, string? picture) => $$"""
        {"schema":1,"recordId":"{{id}}","kind":"passage","version":1,"enterpriseId":"{{EntCode}}","gateId":"{{gate}}","laneId":"L1",
         "direction":1,"passTime":"{{passTime.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd'T'HH:mm:sszzz}}","plateNo":"{{plate}}",
         "plateColor":"yellow","vehicleType":"H11","deviceId":"cam-{{gate}}","eventId":"e-{{id:N}}",
         "pictures":[{{(picture is null ? "" : $"\"{picture}\"")}}],"recordHash":"h"}
        """.ReplaceLineEndings("");

    /// <summary>Publishes one ledger.records message as given.</summary>
    public Task PublishRawAsync(string gate, string json) =>
        _producer.ProduceAsync(Topics.LedgerRecords, new Message<string, byte[]> { Key = $"{EntCode}/{gate}", Value = Encoding.UTF8.GetBytes(json) });

    private string StorePicture(Guid id) => StorePicture("JPEG-" + id);

    /// <summary>Stores a picture in the content-addressed folder with ingest's own store; returns its reference.</summary>
    public string StorePicture(string content) =>
        new LocalPictureStore(PictureDirectory).PutAsync(Encoding.UTF8.GetBytes(content), default).GetAwaiter().GetResult().Ref;

    public async Task<long> AcknowledgedInOutboxAsync() =>
        await Platform.ScalarAsync("SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged' AND kind = 'Passage'");

    public async ValueTask DisposeAsync()
    {
        await StopBridgeAsync();
        _producer.Dispose();
        await Simulator.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
