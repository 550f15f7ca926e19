namespace DataPlatform.Ledger.Retention;

/// <summary>
/// The ledger's time-bound tables by family, each with the time its retention counts from. Registers (in-plant
/// vehicles, machinery, road vehicles) keep their own 20-year rule: a vehicle's register must outlive its visits.
/// </summary>
public static class RetentionFamilies
{
    public static IReadOnlyDictionary<string, IReadOnlyList<RetainedTable>> All { get; } =
        new Dictionary<string, IReadOnlyList<RetainedTable>>(StringComparer.OrdinalIgnoreCase)
        {
            ["passages"] =
            [
                new("passages", "pass_time"), new("gate_decisions", "pass_time"), new("lane_reads", "pass_time"),
                new("opacity_readings", "toDateTime(measured_at)"), new("review_actions", "toDateTime(applied_at)"),
                new("ledger_chain_heads", "chain_date"), new("ledger_publish_marks", "toDateTime(updated_at)"),
            ],
            ["trips"] = [new("trips", "entry_time"), new("weighings", "toDateTime(weigh_time)")],
            ["registers"] =
            [
                new("registry_audit", "toDateTime(changed_at)"), new("in_plant_movements", "toDateTime(pass_time)"),
                new("non_road_sightings", "toDateTime(pass_time)"),
            ],
            ["alarms"] = [new("alarms", "window_start"), new("alarm_acks", "toDateTime(acked_at)")],
            ["rejected"] = [new("rejected_payloads", "toDateTime(received_at)")],
            ["regulator"] =
            [
                new("regulator_outbox", "toDateTime(generated_at)"), new("regulator_upload_log", "toDateTime(generated_at)"),
                new("regulator_rates", "day"), new("regulator_commands", "toDateTime(received_at)"),
                new("regulator_command_log", "toDateTime(at)"),
            ],
        };

    /// <summary>The TTL clause (after <c>TTL</c>) a table gets under <paramref name="retention"/>; null keeps the rows for ever.</summary>
    public static string? TtlClause(RetainedTable table, FamilyRetention? retention)
    {
        if (retention?.Months is not { } months) return null;
        var action = retention.MoveToVolume is { } volume ? $" TO VOLUME '{Escape(volume)}'"
            : retention.MoveToDisk is { } disk ? $" TO DISK '{Escape(disk)}'"
            : "";
        return $"{table.TimeExpression} + INTERVAL {months} MONTH{action}";
    }

    private static string Escape(string name) => name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}

/// <summary>A table whose rows age, and the expression of each row's time.</summary>
public sealed record RetainedTable(string Name, string TimeExpression);
