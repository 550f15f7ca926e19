using DataPlatform.Cli.Hosting;
using DataPlatform.Ingest;
using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using DataPlatform.Processing.Trips;
using DataPlatform.RegulatorBridge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Tests.Configuration;

/// <summary>Every role's settings are checked when the process starts (issue 10 item 6): the defaults pass, and a
/// wrong value stops the start with a message that names the setting as it is configured.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void The_defaults_of_every_role_pass()
    {
        Assert.True(new ClickHouseOptionsValidation().Validate(null, new ClickHouseOptions()).Succeeded);
        Assert.True(new ProcessingOptionsValidation().Validate(null, new ProcessingOptions()).Succeeded);
        Assert.True(new TripOptionsValidation().Validate(null, new TripOptions()).Succeeded);
        Assert.True(new DecisionOptionsValidation().Validate(null, new DecisionOptions()).Succeeded);
        Assert.True(new AlarmOptionsValidation().Validate(null, new AlarmOptions()).Succeeded);
        Assert.True(new IngestOptionsValidation().Validate(null, new IngestOptions()).Succeeded);
        Assert.True(new RegulatorBridgeOptionsValidation().Validate(null, new RegulatorBridgeOptions { Enabled = true }).Succeeded);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8123", "ledger", "ClickHouse:Endpoint")]
    [InlineData("127.0.0.1:8123", "ledger", "ClickHouse:Endpoint")]
    [InlineData("http://127.0.0.1:8123", "ledger; DROP TABLE x", "ClickHouse:Database")]
    [InlineData("http://127.0.0.1:8123", "", "ClickHouse:Database")]
    public void A_clickhouse_endpoint_or_database_that_cannot_be_used_is_named(string endpoint, string database, string setting)
    {
        var result = new ClickHouseOptionsValidation().Validate(null, new ClickHouseOptions { Endpoint = endpoint, Database = database });
        Assert.Equal(setting, Assert.Single(result.Failures!).Split(' ')[0]);
    }

    [Fact]
    public void Each_wrong_setting_is_named_and_all_are_listed_together()
    {
        var processing = new ProcessingOptionsValidation().Validate(null, new ProcessingOptions { MaxBatchSize = 0, ReviewMinimumConfidence = 1.5 });
        Assert.Equal(["Processing:MaxBatchSize", "Processing:ReviewMinimumConfidence"], processing.Failures!.Select(Setting));
        var trips = new TripOptionsValidation().Validate(null, new TripOptions { IntervalSeconds = 0, PublishBatchSize = -1 });
        Assert.Equal(["Processing:Trips:IntervalSeconds", "Processing:Trips:PublishBatchSize"], trips.Failures!.Select(Setting));
        var decisions = new DecisionOptionsValidation().Validate(null, new DecisionOptions { GroupId = "", MaxOpenTrips = 0 });
        Assert.Equal(["Processing:Decisions:GroupId", "Processing:Decisions:MaxOpenTrips"], decisions.Failures!.Select(Setting));
        var alarms = new AlarmOptionsValidation().Validate(null, new AlarmOptions { Webhooks = ["https://ok.example/hook", "not a url"] });
        Assert.Equal(["Processing:Alarms:Webhooks:1"], alarms.Failures!.Select(Setting));
        var ingest = new IngestOptionsValidation().Validate(null, new IngestOptions { MaxPictureBytes = 16 * 1024 * 1024, PictureStore = { Kind = "ftp" } });
        Assert.Equal(["Ingest:MaxPictureBytes", "Ingest:PictureStore:Kind"], ingest.Failures!.Select(Setting));
        var bridge = new RegulatorBridgeOptionsValidation().Validate(null, new RegulatorBridgeOptions
        {
            Enabled = true, MaxInFlight = 0, ReconnectInitial = TimeSpan.FromMinutes(5),
        });
        Assert.Equal(["RegulatorBridge:MaxInFlight", "RegulatorBridge:ReconnectInitial"], bridge.Failures!.Select(Setting));
        // A disabled bridge's settings are not its business yet.
        Assert.True(new RegulatorBridgeOptionsValidation().Validate(null, new RegulatorBridgeOptions { MaxInFlight = 0 }).Skipped);
    }

    [Fact]
    public async Task A_process_with_a_wrong_setting_refuses_to_start_and_names_it()
    {
        var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
        {
            ["Processing:MaxBatchSize"] = "0",
            // Nothing is reached: validation runs before any hosted service starts.
            ["ClickHouse:Endpoint"] = "http://127.0.0.1:1",
            ["Kafka:BootstrapServers"] = "127.0.0.1:1",
        });
        builder.AddDataPlatform(PlatformRole.Processing);
        using var host = builder.Build();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Processing:MaxBatchSize = 0", refused.Message);
    }

    // "Section:Setting = value: …", "Section:Setting: problem" or "Section:Setting 'value' …" → the setting's name.
    private static string Setting(string failure) => failure.Split(' ')[0].TrimEnd(':');
}
