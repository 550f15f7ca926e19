using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>The simulator as a service: the /sim/* API, persistence across restarts, hosting, HTTPS.</summary>
public sealed class ServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regsim-").FullName;

    private static DateTimeOffset Now => DateTimeOffset.Now;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_control_api_counts_records_issues_commands_and_sets_faults()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        await uplink.UploadAsync(Plant.Passage("c1", Now), UploadMode.Backfill);
        await uplink.UploadAsync(Plant.Passage("c2", Now) with { GateId = "G02" });
        await uplink.UploadAsync(Plant.Passage("c2", Now) with { GateId = "G02" });

        using var stats = JsonDocument.Parse(await http.GetStringAsync("/sim/stats"));
        Assert.Equal(3, stats.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("duplicatesDropped").GetInt32());
        using var backfill = JsonDocument.Parse(await http.GetStringAsync("/sim/records?kind=passage&mode=Backfill"));
        Assert.Equal("E1302001-P-c1", Assert.Single(backfill.RootElement.EnumerateArray()).GetProperty("recordId").GetString());
        using var gate = JsonDocument.Parse(await http.GetStringAsync("/sim/records?gate=G02&acknowledged=true"));
        Assert.Equal(1, gate.RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/sim/records?day=yesterday")).StatusCode);
        using var counts = JsonDocument.Parse(await http.GetStringAsync("/sim/counts"));
        Assert.Equal(["G01:Backfill:1", "G02:RealTime:1"], counts.RootElement.EnumerateArray()
            .Select(c => $"{c.GetProperty("gate").GetString()}:{c.GetProperty("mode").GetString()}:{c.GetProperty("count").GetInt32()}"));
        Assert.Equal(3, stats.RootElement.GetProperty("attemptsByMethod").GetProperty("gate.passage.upload").GetInt32());

        var issued = await http.PostAsync("/sim/commands", Json("""{"type":"emergency","warningLevel":"橙色","hours":6,"rule":"禁止国四及以下重型柴油货车进入"}"""));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/sim/commands", Json("""{"type":"blacklist","plateNo":"冀B12345","plateColor":"黄","reason":"超标"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/sim/commands", Json("""{"forgery":"tampered"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/sim/commands", Json("""{"type":"blacklist","plateNo":"不是车牌","plateColor":"黄"}"""))).StatusCode);
        Assert.Equal(["emergency", "blacklist", "emergency"], sim.Commands().Select(c => c.Type));
        Assert.Equal(CommandsForgery(sim), [null, null, Commands.CommandForgery.Tampered]);

        var set = await http.PostAsync("/sim/faults", Json("""{"seed":7,"rules":[{"kind":"Refusal","probability":1,"code":"2999"}]}"""));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("2999", (await uplink.UploadAsync(Plant.Passage("c3", Now))).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/sim/faults", Json("""{"rules":[{"kind":"Refusal","probability":3}]}"""))).StatusCode);
        await http.DeleteAsync("/sim/faults");
        Assert.True((await uplink.UploadAsync(Plant.Passage("c3", Now))).Acknowledged);
    }

    private static List<Commands.CommandForgery?> CommandsForgery(RegulatorPlatformSimulator sim) => sim.Commands().Select(c => c.Forgery).ToList();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task With_a_data_folder_records_and_acknowledgements_survive_a_restart_and_repeats_stay_dropped()
    {
        var record = Plant.Passage("keep1", Now);
        await using (var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(dataDirectory: _folder)))
        {
            using var uplink = new HttpUplink(sim);
            Assert.True((await uplink.UploadAsync(record)).Acknowledged);
            sim.SetFaults(FaultPlan.Always(FaultKind.LostAck));
            await Assert.ThrowsAsync<HttpRequestException>(() => uplink.UploadAsync(Plant.Passage("keep2", Now)));
        }
        Assert.True(File.Exists(Path.Combine(_folder, "records.jsonl")));

        await using var again = await RegulatorPlatformSimulator.StartAsync(Plant.Options(dataDirectory: _folder));
        Assert.Equal(2, again.Store.Count());
        Assert.True(again.Store.TryGet(record.RecordId, out var kept));
        Assert.NotNull(kept.AcknowledgedAt);
        Assert.Equal("冀B12345", JsonDocument.Parse(kept.Payload).RootElement.GetProperty("plateNo").GetString());
        Assert.True(again.Store.TryGet("E1302001-P-keep2", out var lost));
        Assert.Null(lost.AcknowledgedAt);
        using var uplink2 = new HttpUplink(again);
        Assert.True((await uplink2.UploadAsync(record)).Duplicate);
        Assert.Equal(2, again.Store.Count());
        Assert.Equal((0, 2, 1), (again.Store.Stats().Accepted, again.Store.Stats().Stored, again.Store.Stats().DuplicatesDropped));
    }

    [Fact]
    public async Task A_journaled_store_reads_payloads_back_from_its_file_and_a_torn_last_line_does_not_swallow_the_next_record()
    {
        var first = Plant.Passage("torn1", Now);
        string sent;
        await using (var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(dataDirectory: _folder)))
        {
            using var uplink = new HttpUplink(sim);
            Assert.True((await uplink.UploadAsync(first)).Acknowledged);
            Assert.True(sim.Store.TryGet(first.RecordId, out var held));
            sent = held.Payload;
            Assert.Equal("冀B12345", JsonDocument.Parse(sent).RootElement.GetProperty("plateNo").GetString());
            Assert.Equal(sent, Assert.Single(sim.Store.Records()).Payload);
        }
        // A crash in the middle of writing a line.
        await File.AppendAllTextAsync(Path.Combine(_folder, "records.jsonl"), "{\"Record\":{\"RecordId\":\"E1302001-P-ha");

        var second = Plant.Passage("torn2", Now);
        await using (var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(dataDirectory: _folder)))
        {
            Assert.Equal(1, sim.Store.Count());
            Assert.True(sim.Store.TryGet(first.RecordId, out var reloaded));
            Assert.Equal(sent, reloaded.Payload);
            using var uplink = new HttpUplink(sim);
            Assert.True((await uplink.UploadAsync(second)).Acknowledged);
        }

        await using var again = await RegulatorPlatformSimulator.StartAsync(Plant.Options(dataDirectory: _folder));
        var records = again.Store.Records();
        Assert.Equal([first.RecordId, second.RecordId], records.Select(r => r.RecordId));
        Assert.Equal(sent, records[0].Payload);
        Assert.Equal(second.RecordId, JsonDocument.Parse(records[1].Payload).RootElement.GetProperty("recordId").GetString());
        Assert.All(records, r => Assert.NotNull(r.AcknowledgedAt));
    }

    [Fact]
    public async Task The_hosted_service_binds_the_configuration_section_and_generates_a_platform_key_when_none_is_given()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RegulatorSimulator:EnterpriseCode"] = Plant.EntCode,
            ["RegulatorSimulator:AppId"] = Plant.AppId,
            ["RegulatorSimulator:EnterprisePublicKeyPem"] = TestKeys.Enterprise.PublicPem,
            ["RegulatorSimulator:TcpProfile"] = "",
            ["RegulatorSimulator:DataDirectory"] = _folder,
            ["RegulatorSimulator:FaultPlan:Rules:0:Kind"] = "DuplicateAck",
            ["RegulatorSimulator:FaultPlan:Rules:0:Probability"] = "1",
        });
        builder.Services.AddRegulatorSimulator(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var sim = await host.Services.GetRequiredService<RegulatorSimulatorHost>().WhenStartedAsync();

        Assert.Equal(sim.PlatformPublicKeyPem, File.ReadAllText(Path.Combine(_folder, "platform-public.pem")));
        Assert.Throws<InvalidOperationException>(() => sim.TcpEndpoint);
        using var uplink = new HttpUplink(sim);
        var answer = await uplink.UploadAsync(Plant.Passage("h1", Now));
        Assert.True(answer.Acknowledged && answer.Duplicate);
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_or_wrong_keys_stop_the_start_with_a_reason()
    {
        var noKey = Plant.Options();
        noKey.EnterprisePublicKeyPem = "";
        var privateAsPublic = Plant.Options();
        privateAsPublic.EnterprisePublicKeyPem = TestKeys.Enterprise.PrivatePem;
        var badProfile = Plant.Options();
        badProfile.TcpProfile = "baseline";

        Assert.Contains("public key", (await Assert.ThrowsAsync<InvalidOperationException>(() => RegulatorPlatformSimulator.StartAsync(noKey))).Message);
        Assert.Contains("public key", (await Assert.ThrowsAsync<InvalidOperationException>(() => RegulatorPlatformSimulator.StartAsync(privateAsPublic))).Message);
        Assert.Contains("TcpProfile", (await Assert.ThrowsAsync<InvalidOperationException>(() => RegulatorPlatformSimulator.StartAsync(badProfile))).Message);
    }

    [Fact]
    public async Task With_a_certificate_the_gateway_speaks_https()
    {
        // An EC certificate: generating one is instant, unlike an RSA key.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
        var certPath = Path.Combine(_folder, "cert.pem");
        var keyPath = Path.Combine(_folder, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        var options = Plant.Options();
        options.CertificatePemPath = certPath;
        options.CertificateKeyPemPath = keyPath;
        await using var sim = await RegulatorPlatformSimulator.StartAsync(options);

        Assert.Equal("https", sim.HttpEndpoint.Scheme);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint };
        using var http = new HttpClient(handler);
        var stats = await http.GetFromJsonAsync<JsonElement>(new Uri(sim.BaseAddress, "/sim/stats"));
        Assert.Equal(0, stats.GetProperty("attempts").GetInt32());
    }
}
