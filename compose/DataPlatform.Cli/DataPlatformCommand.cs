using System.CommandLine;
using DataPlatform.Cli.Commands;
using DataPlatform.Cli.Hosting;

namespace DataPlatform.Cli;

/// <summary>The <c>dataplatform</c> command tree.</summary>
public static class DataPlatformCommand
{
    public static RootCommand Create() => new("HJ 1321-2023 环保门禁电子台账数据平台 (environmental gate e-ledger data platform)")
    {
        StandaloneCommand.Create(),
        EnginesCommand.Create(),
        RoleCommand.Create("ingest", "Run the ingest role: device listeners → Kafka", PlatformRole.Ingest),
        RoleCommand.Create("processing", "Run the processing role: Kafka → ClickHouse ledger", PlatformRole.Processing),
        RoleCommand.Create("analytics", "Run the analytics role", PlatformRole.Analytics),
        RoleCommand.Create("regulator-bridge", "Run the regulator bridge role: ledger.records → regulator platform, commands → control.commands", PlatformRole.Bridge),
        SqlCommand.Create(),
        SimulateCommand.Create(),
        HealthCommand.Create(),
        DeadLettersCommand.Create(),
        LedgerCommand.Create(),
        AlarmsCommand.Create(),
        RegulatorSimulatorCommand.Create(),
        RegistryCommand.Create(),
        NationalPlatformCommand.Create(),
        ReviewCommand.Create(),
        RatingCommand.Create(),
        WaybillsCommand.Create(),
        ForecastCommand.Create(),
        AnomaliesCommand.Create(),
        ReportCommand.Create(),
        InspectCommand.Create(),
        CliErrors.Verbose,
    };
}
