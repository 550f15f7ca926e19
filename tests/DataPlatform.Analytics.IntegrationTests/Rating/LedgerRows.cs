using System.Text.Json;
using ClickHouse.Driver;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>Hand-made ledger rows written straight into the real tables (JSONEachRow), as the platform's writers
/// would have left them: the oracle tests' event sets.</summary>
public sealed class LedgerRows(ClickHouseClient client, string database)
{
    public async Task InsertAsync(string table, params object[] rows)
    {
        var lines = string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r)));
        await client.ExecuteNonQueryAsync($"INSERT INTO `{database}`.{table} FORMAT JSONEachRow\n{lines}");
    }

    /// <summary>A trip as the trips job writes it, and its entry passage.</summary>
    public async Task TripAsync(string enterprise, string plate, string vehicleType, string entry, int netKg,
        string load = "inbound", string status = "closed", string color = "yellow", string? recordedPlate = null,
        string? recordedType = null, Guid? passageId = null)
    {
        var entryId = passageId ?? Guid.NewGuid();
        await InsertAsync("passages", new Dictionary<string, object?>
        {
            ["passage_id"] = entryId, ["event_id"] = entryId.ToString("N"), ["enterprise_id"] = enterprise, ["gate_id"] = "G01",
            ["lane_id"] = "L1", ["direction"] = 1, ["pass_time"] = entry, ["plate_no"] = recordedPlate ?? plate, ["plate_color"] = color,
            ["vehicle_type"] = recordedType ?? vehicleType, ["device_id"] = "cam-01", ["pictures"] = new[] { "sha256:" + entryId.ToString("N") },
        });
        await InsertAsync("trips", new Dictionary<string, object?>
        {
            ["trip_id"] = Guid.NewGuid(), ["enterprise_id"] = enterprise, ["gate_id"] = "G01", ["exit_gate_id"] = status == "closed" ? "G01" : "",
            ["plate_no"] = plate, ["plate_color"] = color, ["entry_passage_id"] = entryId, ["entry_time"] = entry,
            ["exit_passage_id"] = status == "closed" ? Guid.NewGuid() : null, ["exit_time"] = null, ["status"] = status, ["load"] = load,
            ["gross_kg"] = null, ["tare_kg"] = null, ["net_kg"] = netKg, ["cargo_name"] = "铁矿石", ["weighing_ids"] = Array.Empty<Guid>(),
            ["content_hash"] = "", ["version"] = 1, ["updated_at"] = "2026-11-01 00:00:00",
        });
    }

    /// <summary>A review correcting (or rejecting) a passage, as the review ledger holds it.</summary>
    public Task ReviewAsync(string enterprise, Guid passageId, string passTime, string action, string plate, string type, string color = "yellow") =>
        InsertAsync("review_actions", new Dictionary<string, object?>
        {
            ["action_id"] = Guid.NewGuid(), ["passage_id"] = passageId, ["enterprise_id"] = enterprise, ["gate_id"] = "G01", ["lane_id"] = "L1",
            ["pass_time"] = passTime, ["action"] = action, ["operator"] = "审核员", ["reason"] = "oracle",
            ["requested_at"] = passTime, ["applied_at"] = passTime, ["resolution_no"] = 1,
            ["status_after"] = action == "reject" ? "rejected" : "corrected",
            ["plate_no_after"] = plate, ["plate_color_after"] = color, ["vehicle_type_after"] = type,
        });

    public Task RegisterAsync(string table, string enterprise, string code, int version, string changedAt, string stage,
        string plate = "", string vehicleType = "", string color = "yellow") =>
        InsertAsync(table, new Dictionary<string, object?>
        {
            ["row_id"] = Guid.NewGuid(), ["enterprise_id"] = enterprise, ["registration_code"] = code, ["version"] = version,
            ["changed_at"] = changedAt, ["source"] = "guard-booth", ["operator_id"] = "op", ["plate_no"] = plate,
            ["plate_color"] = color, ["stage"] = stage, ["fuel"] = stage == "D" ? "C" : "B",
        }.Concat(table == "non_road_machinery" ? [] : new Dictionary<string, object?> { ["vehicle_type"] = vehicleType }).ToDictionary());

    public Task RoadVehicleAsync(string plate, string vehicleType, string stage, string changedAt, int version = 1, string color = "yellow") =>
        RegisterAsync("road_vehicles", "E1", $"{plate}/{color}", version, changedAt, stage, plate, vehicleType, color);

    public Task DecisionAsync(string enterprise, string passTime, string outcome, string controlStatus) =>
        InsertAsync("gate_decisions", new Dictionary<string, object?>
        {
            ["passage_id"] = Guid.NewGuid(), ["event_id"] = Guid.NewGuid().ToString("N"), ["enterprise_id"] = enterprise, ["gate_id"] = "G01",
            ["lane_id"] = "L1", ["direction"] = 1, ["pass_time"] = passTime, ["plate_no"] = "冀B99999", ["plate_color"] = "yellow",
            ["vehicle_type"] = "H11", ["outcome"] = outcome, ["outcome_text"] = outcome == "deny" ? "禁止通行" : "允许通行",
            ["rule_id"] = "policy:orange", ["control_status"] = controlStatus, ["decided_at"] = passTime, ["policy_version"] = 1,
        });
}
