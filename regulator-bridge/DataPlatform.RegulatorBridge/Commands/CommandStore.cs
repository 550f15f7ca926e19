using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.RegulatorBridge.Storage;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Commands;

/// <summary>Downlink commands with their validity windows and the receipt / execution log (migration 0023).</summary>
public sealed class CommandStore(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time)
{
    private string Db => $"`{options.Value.Database}`";

    public async Task SaveAsync(StoredCommand c, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await client.InsertRowsAsync($"{Db}.regulator_commands",
            ["command_id", "command_type", "enterprise_id", "issued_at", "valid_from", "valid_to", "status", "detail", "control_json", "received_at", "revision"],
            [[c.CommandId, c.CommandType, c.EnterpriseId, c.IssuedAt.UtcDateTime, c.ValidFrom?.UtcDateTime, c.ValidTo?.UtcDateTime,
              c.Status, c.Detail, c.ControlJson, now.UtcDateTime, Revisions.Next(now)]], ct);
    }

    public async Task LogAsync(string commandId, string step, string reason, string message, string transport, string raw, CancellationToken ct)
    {
        await client.InsertRowsAsync($"{Db}.regulator_command_log",
            ["at", "command_id", "step", "reason", "message", "transport", "raw"],
            [[time.GetUtcNow().UtcDateTime, commandId, step, reason, message, transport, raw]], ct);
    }

    /// <summary>Whether the command was already applied (a poll may return it again).</summary>
    public async Task<bool> ExecutedAsync(string commandId, CancellationToken ct)
    {
        var count = await client.ExecuteScalarAsync(
            $"SELECT count() FROM {Db}.regulator_commands WHERE command_id = {{id:String}} AND status = 'executed'",
            ClickHouseParameters.Of(("id", commandId)), null, ct);
        return Convert.ToInt64(count) > 0;
    }
}

/// <remarks><paramref name="Status"/>: received, executed or rejected.</remarks>
public sealed record StoredCommand(
    string CommandId,
    string CommandType,
    string EnterpriseId,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    string Status,
    string Detail,
    string ControlJson);
