using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Processing.Commands;
using DataPlatform.Streams;

namespace DataPlatform.Simulation.History;

/// <summary>What a history run sent and how the platform answered.</summary>
public sealed record HistoryReport(int Days, int Commands, int Pushes, int Accepted, int Rejected, int Failed, int Readings, int ManualPassages, int ManualAccepted, TimeSpan Elapsed);

/// <summary>A guard operator's credentials at the guard booth API.</summary>
public sealed record GuardCredentials(string OperatorId, string Token);

/// <summary>
/// Sends a planned history through the platform's real path, fast-forwarded: first the control commands that shape it
/// (the plant's standing alert plan, every alert declaration with its past <c>since</c>, the blacklisting behind the
/// guard override) on <c>control.commands</c>, then day after day the devices' pushes with their past capture times
/// (cameras and opacity meters over HTTP, e-tag and weighbridge lines over TCP when given), then the guard's manual
/// passages at the guard booth. Nothing is written to ClickHouse behind the platform's back.
/// </summary>
public sealed class HistoryRunner(HttpClient http, Uri ingest, string? deviceToken, IProducer<string, byte[]> control,
    GuardCredentials? guard = null, WeighbridgeLink? weighbridge = null, ETagReaderLinks? tagReaders = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The control commands of a history: the standing plan, alert declarations, the blacklisting.</summary>
    public static IReadOnlyList<ControlCommand> Commands(HistoryPlanner planner, HistoryOptions options, DateTimeOffset issuedAt)
    {
        var enterprise = planner.Profile.EnterpriseId;
        var start = new DateTimeOffset(options.FirstDay.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var id = $"hist-{options.Seed}-{options.FirstDay:yyyyMMdd}";
        var commands = new List<ControlCommand>
        {
            new PolicyControlCommand($"{id}-plan", new AddPolicy(new EmergencyPolicy(
                $"history-orange-plan-{options.Seed}", enterprise, AlertLevel.Orange, start, start.AddYears(5), PolicyScope.HeavyTruck, EmissionStage.Guo5,
                false, ExemptionKinds.None, new HashSet<VehicleKey>(), PolicyAction.Deny, "橙色及以上预警期间国四及以下重型货车禁止进厂", RequiresDeclaredAlert: true), issuedAt)),
            new PolicyControlCommand($"{id}-blacklist", new AddBlacklistEntry(new BlacklistEntry(enterprise,
                new VehicleKey(PlateNumber.Parse(planner.OverrideVehicle.Plate), PlateColor.Yellow), "模拟：冒用他人车辆手续", start), issuedAt)),
        };
        foreach (var alert in planner.Alerts)
        {
            var from = new DateTimeOffset(alert.From.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            var to = new DateTimeOffset(alert.To.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            var level = alert.Level == "red" ? AlertLevel.Red : AlertLevel.Orange;
            commands.Add(new PolicyControlCommand($"{id}-alert-{alert.From:yyyyMMdd}", new SetAlertLevel(enterprise, level, from, issuedAt)));
            commands.Add(new PolicyControlCommand($"{id}-lift-{alert.To:yyyyMMdd}", new SetAlertLevel(enterprise, null, to, issuedAt)));
        }
        return commands;
    }

    public async Task<HistoryReport> RunAsync(HistoryPlanner planner, HistoryOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var commands = Commands(planner, options, DateTimeOffset.Now);
        foreach (var command in commands)
            await control.ProduceAsync(Topics.ControlCommands,
                new Message<string, byte[]> { Key = command.PartitionKey, Value = ControlCommandCodec.Serialize(command) }, ct);
        control.Flush(ct);
        // The decision service applies commands within a second of their ack (Commands/README.md); the first day's
        // decisions must already see the plan and the blacklist.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        var simulator = new GateTrafficSimulator(http, ingest, deviceToken, weighbridge, tagReaders);
        SimulationReport? last = null;
        int days = 0, readings = 0, manual = 0, manualAccepted = 0, pushes = 0;
        foreach (var day in planner.Days)
        {
            ct.ThrowIfCancellationRequested();
            var plan = planner.Plan(day);
            // Opacity meters exist only where devices are registered (a token is given), as in GateTrafficSimulator:
            // an open deployment has none, and posting their readings would only count as failures.
            var traffic = deviceToken is null ? plan.Traffic with { Readings = [] } : plan.Traffic;
            last = await simulator.RunTrafficAsync(traffic, concurrency: 32, ct);
            pushes += traffic.Pushes.Count;
            readings += traffic.Readings.Count;
            foreach (var passage in plan.GuardPassages)
            {
                manual++;
                if (await PostManualAsync(passage, ct)) manualAccepted++;
            }
            days++;
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd} {plan.Kind} {(plan.Alert is { } a ? a.Level + "预警" : "")} 车流系数 {plan.Volume:F2}: 推送 {traffic.Pushes.Count}, 烟度 {traffic.Readings.Count}"));
        }
        return new HistoryReport(days, commands.Count, pushes, last?.Accepted ?? 0, last?.Rejected ?? 0, last?.Failed ?? 0, readings, manual, manualAccepted, clock.Elapsed);
    }

    private sealed record ManualPassageBody(string EnterpriseId, string GateId, string LaneId, int Direction, string PassTime, string PlateNo,
        string PlateColor, string VehicleType, string Note);

    private async Task<bool> PostManualAsync(GuardManualPassage passage, CancellationToken ct)
    {
        if (guard is null) return false;
        var body = new ManualPassageBody(passage.EnterpriseId, passage.GateId, passage.LaneId, passage.Direction,
            ChinaTime.From(passage.PassTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), passage.Plate, passage.PlateColor,
            passage.VehicleType, passage.Note);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, GuardBoothEndpoints.ManualPassagePath))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(GuardOperators.OperatorIdHeader, guard.OperatorId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", guard.Token);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Created;
    }
}
