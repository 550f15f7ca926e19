using System.CommandLine;
using DataPlatform.Cli.Hosting;
using DataPlatform.Cli.Standalone;
using DataPlatform.Simulation;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform standalone</c>: the whole platform in one process on embedded engines.</summary>
public static class StandaloneCommand
{
    public static Command Create()
    {
        // The folder the one-shot commands (sql, review, health …) look in: DATAPLATFORM_DATA names one folder for all of them.
        var data = new Option<string>("--data") { Description = "State directory ($DATAPLATFORM_DATA when set)", DefaultValueFactory = _ => ClickHouseCredentials.LocalDataDirectory() };
        var simulate = new Option<string?>("--simulate")
        {
            Description = "Drive simulated gate traffic; optionally name a profile (steel, chemicals, port, manufacturer)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Option<int>("--clickhouse-port") { Description = "ClickHouse HTTP port", DefaultValueFactory = _ => 8123 };
        var ingest = new Option<string>("--ingest-urls") { Description = "Ingest listener", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var analytics = new Option<string>("--analytics-urls") { Description = "Analytics listener (web cockpit, waybill import)", DefaultValueFactory = _ => "http://127.0.0.1:8090" };
        var command = new Command("standalone", "Run every role in one process on embedded Kafka and ClickHouse") { data, simulate, port, ingest, analytics };
        command.SetAction(async (parse, ct) =>
        {
            var profile = parse.GetResult(simulate) is null ? null : SimulationProfile.Find(parse.GetValue(simulate));
            if (parse.GetResult(simulate) is not null && profile is null)
            {
                CliErrors.Write(Console.Error, $"未知的模拟场景 (unknown profile) '{parse.GetValue(simulate)}'", "steel, chemicals, port, manufacturer");
                return 2;
            }
            var options = new StandaloneOptions
            {
                DataDirectory = Path.GetFullPath(parse.GetValue(data)!),
                ClickHousePort = parse.GetValue(port),
                IngestUrls = parse.GetValue(ingest)!,
                AnalyticsUrls = parse.GetValue(analytics)!,
                SimulatedRegulatorEnterprise = profile?.EnterpriseId,
            };
            var token = StandaloneSimulation.NewToken();
            if (profile is not null)
            {
                options.DeviceToken = token;
                foreach (var (key, value) in StandaloneSimulation.DeviceSettings(profile, token)) options.Settings[key] = value;
            }
            StandalonePlatform platform;
            try
            {
                platform = await StandalonePlatform.StartAsync(options, new Progress<string>(m => Console.Error.WriteLine(m)), ct);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                CliErrors.Write(Console.Error, $"端口已被占用 (address in use): {ex.Message}", "另一个平台实例是否仍在运行? 可用 --clickhouse-port / --ingest-urls / --analytics-urls 换端口 (another instance running? choose other ports)");
                return 3;
            }
            await using var _ = platform;
            using var running = CancellationTokenSource.CreateLinkedTokenSource(ct, platform.Stopping);
            ct = running.Token;
            Console.WriteLine($"ClickHouse  {platform.ClickHouseEndpoint}");
            Console.WriteLine($"Kafka       {platform.KafkaBootstrapServers}  (also in {Path.Combine(options.DataDirectory, "kafka.bootstrap")})");
            Console.WriteLine($"Ingest      {platform.IngestEndpoint}api/v1/gate-events");
            Console.WriteLine($"Cockpit     {platform.CockpitEndpoint}");
            Console.WriteLine($"Data        {options.DataDirectory}  (地址见 endpoints in {LocalEndpoints.PathIn(options.DataDirectory)})");
            if (platform.Regulator is { } regulator)
                Console.WriteLine($"Regulator   {regulator.HttpEndpoint}  (模拟监管平台; 查询 {regulator.BaseAddress}sim/stats)");
            Console.WriteLine("试试: dataplatform sql \"SELECT gate_id, count() FROM passages GROUP BY gate_id\"   (Ctrl-C 停止)");
            if (profile is not null)
            {
                Console.WriteLine($"模拟场景: {profile.Name} — {profile.Description}");
                Console.WriteLine($"模拟设备已登记 (摄像机、烟度计、地磅 TCP)；设备令牌 X-Device-Token: {token}  (也在 endpoints.env: Ingest__DeviceToken)");
                var seed = Environment.TickCount;
                var (registered, machinery) = await StandaloneSimulation.RegisterMachineryAsync(platform.IngestEndpoint, profile, token, seed, ct);
                Console.WriteLine($"门岗操作员 {StandaloneSimulation.GuardOperatorId} (X-Operator-Id, 令牌同上) 已登记厂内车辆 {machinery.RegisteredInPlant} 辆、非道路移动机械 {machinery.RegisteredNonRoad} 台 (受理 {registered}): dataplatform registry list");
                Console.WriteLine($"门岗日常: 厂内车辆与非道路机械按抓拍时间进出 {profile.Gates[0]}、作业区 {PlantMachinery.WorkAreaGate} 摄像机巡查 " +
                                  $"(in-plant movements and machinery sightings at their capture times; 未登记机械 {machinery.UnregisteredMachines} 台会告警)");
                var machineryDays = StandaloneSimulation.RunMachineryDaysAsync(platform.IngestEndpoint, profile, token, seed, TimeProvider.System, ct);
                var report = await StandaloneSimulation.RunAsync(platform.Host.Services, platform.IngestEndpoint, profile, token,
                    seed, count: null, profile.EventsPerSecond, ct);
                Console.WriteLine(SimulateCommand.Describe(report));
                Console.WriteLine($"门岗日常推送受理 {await machineryDays} 条 (machinery pushes accepted)");
            }
            else
            {
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            Console.Error.WriteLine("正在停止 …");
            return 0;
        });
        return command;
    }
}
