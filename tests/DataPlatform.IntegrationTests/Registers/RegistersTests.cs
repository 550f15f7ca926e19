using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataPlatform.Cli.Hosting;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Registers.National;
using DataPlatform.Simulation.NationalPlatform;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Tests.Registers;

/// <summary>Guard booth → Kafka → processing → ClickHouse registers, audit, sightings, alarms and the gate's
/// registry, on the real embedded engines.</summary>
[Collection(EnginesCollection.Name)]
public sealed class RegistersTests(EnginesFixture engines)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private const string WorkArea = "WA01";
    private const string MachinePlate = "冀BJ2201";

    private static string Machine(string owner) => $$"""
        {"registrationCode":"NR-0001","pin":"PIN-0001","machineryKind":"excavator","stage":"国二","fuel":"柴油",
         "owner":"{{owner}}","plateNo":"{{MachinePlate}}","plateColor":"yellow","model":"SY215"}
        """;

    [Fact]
    public async Task Guard_booth_registers_land_once_with_an_audit_diff_and_govern_gate_and_work_area()
    {
        await using var platform = CreatePlatform(engines);
        using var host = await StartAsync(platform, PlatformRole.Ingest | PlatformRole.Processing);
        var store = host.Services.GetRequiredService<PolicyStore>();
        using var http = new HttpClient { BaseAddress = TestPlatform.IngestUri(host) };

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.NonRoadPath, Machine("某钢铁公司"))).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM non_road_machinery FINAL", 1, Within));
        // A re-posted identical registration changes nothing; an update writes version 2 and a diff.
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.NonRoadPath, Machine("某钢铁公司"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.NonRoadPath, Machine("某租赁公司"))).StatusCode);
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM non_road_machinery FINAL", 2, Within));
        Assert.Equal(3, await platform.WaitForAsync("SELECT count() FROM registry_audit FINAL WHERE register = 'non-road'", 3, Within));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM registry_audit WHERE action = 'unchanged' AND version = 1 AND empty(changed_fields)"));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM registry_audit WHERE action = 'update' AND version = 2 AND changed_fields = ['owner'] " +
            "AND before_values = ['某钢铁公司'] AND after_values = ['某租赁公司'] AND operator_id = 'guard-01' AND source = 'guard-booth' " +
            "AND operator_name = '1号门岗 张三'"));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM non_road_machinery_latest WHERE registration_code = 'NR-0001' AND version = 2 AND owner = '某租赁公司' AND stage = '2'"));

        // The operator's view: `dataplatform registry show` prints the record's audit history.
        using (var cli = CliProcess.Start(new Dictionary<string, string> { ["ClickHouse__Database"] = platform.Database },
                   "registry", "show", "NR-0001", "--clickhouse", engines.ClickHouse.Endpoint.ToString(), "--format", "csv"))
            await cli.WaitForOutputAsync("owner: 某钢铁公司 → 某租赁公司", TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.InPlantPath,
            """{"registrationCode":"CN-0001","plateNo":"冀BN0001","plateColor":"yellow","fuel":"B","stage":"5","owner":"本厂"}""")).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM in_plant_vehicles FINAL", 1, Within));

        // The gate's registry learns both; a non-road 国二 machine is denied while an orange non-road policy is in force.
        await WaitUntilAsync(() => store.Current.Registry.Find(PlateNumber.Parse(MachinePlate), PlateColor.Yellow) is { IsNonRoad: true }
            && store.Current.Registry.Find(PlateNumber.Parse("冀BN0001"), PlateColor.Yellow) is { IsInPlant: true }, Within);
        using var producer = Producer(platform);
        using var reader = DecisionReader(platform);
        await SendCommandAsync(producer, NonRoadOrangeJson());
        await WaitUntilAsync(() => store.Current.Policies.ActivePolicies(Enterprise, DateTimeOffset.Now).Count > 0, Within);
        await SendEventAsync(producer, Event("nr-gate-1", MachinePlate, DateTimeOffset.Now));
        var denied = WaitForDecision(reader, "nr-gate-1", Within);
        Assert.Equal(("deny", "policy:nr-orange"), (denied.Outcome, denied.RuleId));
        Assert.Contains("国二", denied.DisplayText);

        // Work area: the registered machine and the in-plant vehicle are sighted; an unknown machine raises the alarm.
        // Work-area cameras post to /api/v1/work-area/sightings: they never become passages or gate decisions.
        Assert.Equal(HttpStatusCode.Accepted, (await SightingAsync(http, "wa-1", MachinePlate, "H11")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SightingAsync(http, "wa-2", "冀BN0001", "H11")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SightingAsync(http, "wa-3", "冀BX9999", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SightingAsync(http, "wa-3", "冀BX9999", null)).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM alarms FINAL WHERE rule_id = 'unregistered-machinery-seen' AND subject = '冀BX9999'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM non_road_sightings FINAL WHERE registered = 0 AND plate_no = '冀BX9999' AND kind = 'work-area'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM non_road_sightings FINAL WHERE registered = 1 AND registration_code = 'NR-0001' AND kind = 'work-area'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM non_road_sightings FINAL WHERE registration_code = 'NR-0001' AND kind = 'entry' AND machinery_kind = 'excavator'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM in_plant_movements FINAL WHERE registration_code = 'CN-0001' AND kind = 'work-area'", 1, Within));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM alarms WHERE rule_id = 'unregistered-machinery-seen'"));
        Assert.Equal(0, await platform.ScalarAsync($"SELECT count() FROM passages WHERE gate_id = '{WorkArea}'"));
    }

    private static Task<HttpResponseMessage> SightingAsync(HttpClient http, string eventId, string plate, string? type) =>
        http.PostAsync(WorkAreaSightingEndpoint.Path, new StringContent($$"""
            {"eventId":"{{eventId}}","enterpriseId":"{{Enterprise}}","gateId":"{{WorkArea}}","laneId":"L1","direction":1,
             "passTime":"{{Time(DateTimeOffset.Now)}}","plateNo":"{{plate}}","plateColor":"yellow"{{(type is null ? "" : $",\"vehicleType\":\"{type}\"")}}}
            """, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_manual_passage_is_a_gate_event_of_the_operator_and_is_audited_once()
    {
        await using var platform = CreatePlatform(engines);
        using var host = await StartAsync(platform, PlatformRole.Ingest | PlatformRole.Processing);
        using var http = new HttpClient { BaseAddress = TestPlatform.IngestUri(host) };
        var json = $$"""{"gateId":"G01","laneId":"L1","direction":1,"passTime":"{{Time(DateTimeOffset.Now.AddMinutes(-2))}}","plateNo":"冀B77M01","plateColor":"yellow","note":"摄像机故障，人工放行登记"}""";
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.ManualPassagePath, json)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, GuardBoothEndpoints.ManualPassagePath, json)).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages FINAL WHERE plate_no = '冀B77M01' AND device_id = 'guard:guard-01'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM registry_audit FINAL WHERE action = 'manual-passage' AND operator_id = 'guard-01' AND has(after_values, '摄像机故障，人工放行登记')", 1, Within));
        await Task.Delay(1000);
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM passages WHERE plate_no = '冀B77M01'"));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM registry_audit WHERE action = 'manual-passage'"));
    }

    [Fact]
    public async Task An_unknown_vehicle_is_decided_as_before_then_learnt_from_the_national_platform()
    {
        const string plate = "冀B5N001";
        await using var national = new NationalPlatformSimulator(
            [new NationalVehicleInfo("LSVAM4187C2184847", plate, "yellow", null, "5", "B", "H11", null, "ZZ4257", "WP10", "潍柴", "F", "某物流公司")],
            appKey: "test-key");
        await national.StartAsync();
        await using var platform = CreatePlatform(engines);
        using var host = await StartAsync(platform, PlatformRole.Processing, new()
        {
            ["Processing:Registers:NationalPlatformUrl"] = national.BaseUri!.ToString(),
            ["Processing:Registers:NationalPlatformAppKey"] = "test-key",
        });
        var store = host.Services.GetRequiredService<PolicyStore>();
        using var producer = Producer(platform);
        using var reader = DecisionReader(platform);
        await SendEventAsync(producer, Event("unknown-1", plate, DateTimeOffset.Now));
        await SendEventAsync(producer, Event("unknown-2", "冀B5N002", DateTimeOffset.Now)); // the platform does not know this one

        var first = WaitForDecision(reader, "unknown-1", Within);
        Assert.Equal("allow", first.Outcome);
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM road_vehicles_latest WHERE plate_no = '{plate}' AND stage = '5' AND vin = 'LSVAM4187C2184847' AND source = 'national-platform'", 1, Within));
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM registry_audit WHERE register = 'road' AND action = 'create' AND source = 'national-platform' AND has(after_values, '{plate}')", 1, Within));
        await WaitUntilAsync(() => store.Current.Registry.Find(PlateNumber.Parse(plate), PlateColor.Yellow) is { Stage: EmissionStage.Guo5 }, Within);

        await SendEventAsync(producer, Event("unknown-3", plate, DateTimeOffset.Now));
        Assert.Equal("国五", WaitForDecision(reader, "unknown-3", Within).Stage);
        Assert.True(national.Lookups >= 2);
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM road_vehicles WHERE plate_no = '冀B5N002'"));
    }

    private static string NonRoadOrangeJson() =>
        $$"""
        {"commandId":"nr-policy","kind":"policy.add","issuedAt":"2026-11-01T08:00:00+08:00","enterpriseId":"{{Enterprise}}",
         "policyId":"nr-orange","level":"orange","validFrom":"2026-01-01T00:00:00+08:00","validTo":"2030-01-01T00:00:00+08:00",
         "scope":"nonRoad","minimumStage":"国三","action":"deny","ruleText":"橙色预警期间禁止国二及以下非道路移动机械作业"}
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(GuardOperators.OperatorIdHeader, "guard-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guard-token");
        return http.SendAsync(request);
    }

    private static TestPlatform CreatePlatform(EnginesFixture engines)
    {
        var platform = TestPlatform.Create(engines);
        // A subscriber only sees a topic its metadata knows; create them before the consumers start.
        foreach (var topic in new[] { Topics.ControlCommands, Topics.GateDecisions, Topics.Alarms, Topics.RegistryChanges, Topics.DeviceEvents, Topics.WorkAreaSightings })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        return platform;
    }

    private static async Task<IHost> StartAsync(TestPlatform platform, PlatformRole roles, Dictionary<string, string?>? extra = null)
    {
        var settings = platform.Settings();
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = "guard-01";
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = Enterprise;
        settings["Ingest:GuardBooth:Operators:0:Token"] = "guard-token";
        settings["Ingest:GuardBooth:Operators:0:Name"] = "1号门岗 张三";
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var host = await TestPlatform.StartHostAsync(settings, roles);
        return new StoppingHost(host);
    }


    /// <summary>Stops the host before the platform (disposed after it) tears Kafka down under it.</summary>
    private sealed class StoppingHost(IHost inner) : IHost
    {
        public IServiceProvider Services => inner.Services;
        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);
        public void Dispose()
        {
            inner.StopAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            inner.Dispose();
        }
    }
}
