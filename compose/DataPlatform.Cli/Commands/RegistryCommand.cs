using System.CommandLine;
using DataPlatform.Cli.Hosting;
using ClickHouse.Driver;
using DataPlatform.Analytics.Sql;
using DataPlatform.Ledger;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform registry list|show</c>: the in-plant vehicle and non-road machinery registers (and
/// vehicles learnt from the national platform), latest versions, and one record's audit history.</summary>
public static class RegistryCommand
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["in-plant"] = "in_plant_vehicles", ["non-road"] = "non_road_machinery", ["road"] = "road_vehicles",
    };

    public static Command Create()
    {
        var register = new Option<string>("--register", "-r") { Description = "in-plant, non-road or road", DefaultValueFactory = _ => "non-road" };
        register.AcceptOnlyFromAmong([.. Tables.Keys]);
        var format = new Option<OutputFormat>("--format", "-f") { Description = "table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var list = new Command("list", "List a register's records (latest version each)") { register, format, endpoint };
        list.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint), parse.GetValue(format),
            $"""
            SELECT enterprise_id, registration_code, version, plate_no, stage, fuel, owner, source, operator_id, changed_at
            FROM {Tables[parse.GetValue(register)!]}_latest ORDER BY enterprise_id, registration_code
            """, ct));

        var key = new Argument<string>("registration-code") { Description = "环保登记编码 / internal number, or plate/colour for road vehicles" };
        var show = new Command("show", "A record's versions and its audit log (who, when, what changed)") { key, format, endpoint };
        show.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint), parse.GetValue(format),
            $"""
            SELECT changed_at, register, action, version, source, operator_id, operator_name,
                   arrayStringConcat(arrayMap((f, b, a) -> concat(f, ': ', b, ' → ', a), changed_fields, before_values, after_values), '; ') AS changes
            FROM registry_audit FINAL WHERE record_key = '{Quote(parse.GetValue(key)!)}' ORDER BY changed_at, version
            """, ct));

        var kafka = new Option<string?>("--kafka") { Description = "Kafka bootstrap servers (default: Kafka__BootstrapServers from the environment, else a local standalone's DIR/endpoints.env)" };
        var reconcile = new Command("reconcile",
            "Re-publish every register record's latest version as vehicle.register (the gate folds identical vehicles as no-ops)") { endpoint, kafka };
        reconcile.SetAction((parse, ct) => ReconcileAsync(parse.GetValue(endpoint), parse.GetValue(kafka), ct));

        return new Command("registry", "In-plant vehicle and non-road machinery registers (登记台账)") { list, show, reconcile };
    }

    // On demand, from outside processing: no policy store here to compare with, so every latest version is sent; the
    // command ids are the regular ones (registry:<version id>) and each decision service ignores what it already holds.
    private static async Task<int> ReconcileAsync(string? clickHouse, string? kafka, CancellationToken ct)
    {
        var overrides = new Dictionary<string, string?>();
        if (kafka is not null) overrides["Kafka:BootstrapServers"] = kafka;
        var builder = CommonOptions.OneShotBuilder(clickHouse, overrides);
        builder.AddStreams();
        builder.AddLedger();
        builder.Services.AddOptions<DataPlatform.Processing.Registers.RegistersOptions>().BindConfiguration("Processing:Registers");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DataPlatform.Processing.Registers.RegistryCommandPublisher>();
        builder.Services.AddSingleton<DataPlatform.Processing.Registers.RegistryReconciler>();
        using var host = builder.Build();
        try
        {
            var published = await host.Services.GetRequiredService<DataPlatform.Processing.Registers.RegistryReconciler>().ReconcileAsync(ct);
            Console.WriteLine($"已发布 {published} 条 vehicle.register（各登记记录的最新版本）");
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CliErrors.Write(Console.Error, $"登记对账失败 (reconcile failed): {ex.Message}", CliErrors.PlatformHint);
            return 3;
        }
    }

    private static async Task<int> RunAsync(string? endpoint, OutputFormat format, string sql, CancellationToken ct)
    {
        using var host = CommonOptions.AnalyticsHost(endpoint);
        try
        {
            ResultWriter.Write(await host.Services.GetRequiredService<SqlConsole>().QueryAsync(sql, ct), format, Console.Out);
            return 0;
        }
        catch (ClickHouseServerException ex)
        {
            CliErrors.Write(Console.Error, $"SQL 错误 (ClickHouse code {ex.ErrorCode}): {ex.Message}");
            return 2;
        }
        catch (HttpRequestException ex)
        {
            CliErrors.Write(Console.Error, $"无法连接 ClickHouse (cannot reach ClickHouse): {ex.Message}", CliErrors.PlatformHint);
            return 3;
        }
    }

    // Registration codes are letters, digits, CJK and '-'; plates add '/'. Quote anyway: the argument is user input.
    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
