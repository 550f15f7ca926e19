using ClickHouse.Driver;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate.Registers;
using DataPlatform.Ledger;
using DataPlatform.Processing.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary>
/// Closes the window between a register version reaching ClickHouse and its <c>vehicle.register</c> reaching
/// <c>control.commands</c> (a crash in between, a lost broker in standalone mode): on start — once this instance's
/// policy store has read the command log as it stood — and on demand (<see cref="ReconcileAsync"/>), the latest
/// version of every register record with a plate is read in one query and each vehicle the gate's registry does not
/// hold exactly so is published, under the same command id as the regular path (<c>registry:&lt;version id&gt;</c>).
/// Publishing twice changes nothing: the store folds an identical vehicle as a no-op. Without a policy store in this
/// process (decisions disabled) every latest record is published, which is equally harmless.
/// </summary>
public sealed class RegistryReconciler(
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    RegistryCommandPublisher commands,
    TimeProvider time,
    IOptions<RegistersOptions> options,
    ILogger<RegistryReconciler> logger,
    PolicyStore? store = null,
    ControlCommandConsumer? commandLog = null) : BackgroundService
{
    private string Db => $"`{clickHouse.Value.Database}`";

    /// <summary>Publishes what the gate's registry lacks; returns how many vehicles were published.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var latest = await LatestVehiclesAsync(ct);
        var missing = RegistryGap.Missing(latest, store?.Current.Learnt);
        await commands.PublishAsync(missing.Select(v => (v.VersionId, v.EnterpriseId, v.Vehicle)), time.GetUtcNow(), ct);
        if (missing.Count > 0)
            logger.LogWarning("登记台账与门岗车辆库不一致：已补发 {Count} 条 vehicle.register（共 {Total} 条登记）", missing.Count, latest.Count);
        return missing.Count;
    }

    /// <summary>Each register record's newest version with a plate, oldest change first (the newest wins per plate).</summary>
    public async Task<List<RegistryGap.Version>> LatestVehiclesAsync(CancellationToken ct)
    {
        var select = string.Join("\nUNION ALL\n", Enum.GetValues<RegisterKind>().Select(k =>
            $"SELECT '{k.WireName}' AS register, row_id, enterprise_id, toUnixTimestamp64Milli(changed_at) AS at, mapKeys(fields) AS names, mapValues(fields) AS vals " +
            $"FROM {Db}.{RegisterRow.TableName(k)}_latest WHERE plate_no != ''"));
        var result = new List<RegistryGap.Version>();
        using var reader = await client.ExecuteReaderAsync($"SELECT * FROM ({select}) ORDER BY at, row_id", null, null, ct);
        while (reader.Read())
        {
            if (!RegisterKinds.TryParse(reader.String("register"), out var kind)) continue;
            var names = reader.Strings("names");
            var values = reader.Strings("vals");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++) fields[names[i]] = values[i];
            if (RegisterVehicles.ToVehicle(kind, fields) is { } vehicle)
                result.Add(new RegistryGap.Version(reader.Uuid("row_id"), reader.String("enterprise_id"), vehicle));
        }
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.ReconcileRetrySeconds));
        // Compare with the command log as it stood at start, not with a half-read one (that would re-publish all).
        while (commandLog is { CaughtUp: false } && !stoppingToken.IsCancellationRequested)
            try { await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken); } catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The ledger or the broker not reachable yet (migrations still running, engines starting): try again.
                logger.LogDebug(ex, "Register reconciliation failed; retrying");
            }
            try { await Task.Delay(retry, time, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
