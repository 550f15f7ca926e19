using DataPlatform.Ledger;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class DecisionsServiceCollectionExtensions
{
    /// <summary>The gate decision service: the policy store (snapshot + configuration seed), the consumer of
    /// <c>control.commands</c> and the decision consumer of <c>gate.raw</c>. Needs <c>AddStreams</c> and
    /// <c>AddLedger</c> (the processing role calls both). <c>Processing:Decisions:Enabled=false</c> leaves it out.</summary>
    public static IHostApplicationBuilder AddGateDecisions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DecisionOptions>().BindConfiguration("Processing:Decisions").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DecisionOptions>, DecisionOptionsValidation>();
        if (!builder.Configuration.GetValue("Processing:Decisions:Enabled", true))
        {
            // No decision service, so no live registry: the ledger writer reviews plate reads against none (every
            // read of a registered-only check is then 未登记). Explicit here, and said at start.
            builder.Services.AddSingleton<IVehicleRegistrySource, NoVehicleRegistry>();
            builder.Services.AddHostedService<NoVehicleRegistryNotice>();
            return builder;
        }
        var seeds = builder.Configuration.GetSection("Processing:Vehicles").Get<List<VehicleSeed>>() ?? [];
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GateDecisionWriter>();
        builder.Services.AddSingleton<DecidedLaneReads>();
        builder.Services.AddSingleton(sp => CreateStore(sp, seeds));
        builder.Services.AddSingleton<IVehicleRegistrySource>(sp => sp.GetRequiredService<PolicyStore>());
        builder.Services.AddSingleton<ControlCommandConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ControlCommandConsumer>());
        builder.Services.AddSingleton<TripStateCache>();
        builder.Services.AddSingleton<TripStateRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TripStateRefresher>());
        builder.Services.AddSingleton<GateDecisionConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GateDecisionConsumer>());
        return builder;
    }

    /// <summary>The snapshot path when <see cref="DecisionOptions.StatePath"/> is empty: one file per ledger database.</summary>
    public static string DefaultStatePath(string database)
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(root)) root = Path.GetTempPath();
        return Path.Combine(root, "dataplatform", "decisions", $"policy-state-{database}.json");
    }

    /// <summary>Standalone mode keeps its state under <c>--data DIR</c> and tells ingest so through
    /// <c>Ingest:JournalDirectory</c> (DIR/journal): the snapshot goes next to it (DIR/decisions), so two
    /// standalone data directories never share policies.</summary>
    private static string? StandaloneStatePath(IConfiguration configuration) =>
        configuration["Ingest:JournalDirectory"] is { Length: > 0 } journal
            ? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(journal)))!, "decisions", "policy-state.json")
            : null;

    private static PolicyStore CreateStore(IServiceProvider sp, List<VehicleSeed> seeds)
    {
        var logger = sp.GetRequiredService<ILogger<PolicyStore>>();
        var o = sp.GetRequiredService<IOptions<DecisionOptions>>().Value;
        var path = o.StatePath.Length > 0 ? o.StatePath
            : StandaloneStatePath(sp.GetRequiredService<IConfiguration>())
              ?? DefaultStatePath(sp.GetRequiredService<IOptions<ClickHouseOptions>>().Value.Database);
        var seed = VehicleSeedReader.Read(seeds, (index, rejection) =>
            logger.LogError("配置中的车辆 Processing:Vehicles:{Index} 无效，已跳过 ({Code}): {Reason}", index, rejection.Code, rejection.Reason));
        return new PolicyStore(path, seed, logger, sp.GetRequiredService<TimeProvider>());
    }
}
