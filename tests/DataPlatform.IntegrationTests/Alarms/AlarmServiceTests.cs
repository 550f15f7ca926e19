using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Tests.Alarms;

/// <summary>The alarm service on the real embedded engines, wired as the processing role wires it.</summary>
[Collection(EnginesCollection.Name)]
public sealed class AlarmServiceTests(EnginesFixture engines)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_deny_raises_exactly_one_alarm_and_one_webhook_even_when_redelivered()
    {
        using var webhook = new WebhookReceiver();
        await using var platform = CreatePlatform(engines);
        await using var host = await StartAsync(platform, webhook.Url);
        using var producer = Producer(platform);
        var now = DateTimeOffset.Now;
        var deny = AlarmGenerators.Decision("bl-1", "G01", "冀B99999", "yellow", "deny", "blacklist", ["黑名单车辆禁止进厂"], now);
        var marker = AlarmGenerators.Decision("bl-2", "G01", "冀B88888", "yellow", "deny", "blacklist", ["黑名单车辆禁止进厂"], now);

        await SendAsync(producer, deny);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM alarms WHERE subject = '冀B99999'", 1, Within));
        // The redelivery comes in a later batch, then a marker on the same partition: once the marker's alarm is
        // there, the redelivery has been handled.
        await SendAsync(producer, deny);
        await SendAsync(producer, marker);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM alarms WHERE subject = '冀B88888'", 1, Within));

        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM alarms WHERE subject = '冀B99999'"));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM alarms WHERE rule_id = 'blacklist-attempt' AND severity = 'critical' AND title = '黑名单车辆冀B99999试图从G01门岗通行，已拦截'"));
        Assert.True(await webhook.WaitForAsync(a => a.Subject == "冀B88888", Within), "the marker alarm never reached the webhook");
        var pushed = Assert.Single(webhook.Received, a => a.Subject == "冀B99999");
        Assert.Equal(("blacklist-attempt", "critical", deny.PassageId.ToString()), (pushed.RuleId, pushed.Severity, pushed.SourceId));
    }

    [Fact]
    public async Task A_device_going_offline_raises_an_alarm_that_an_operator_acknowledges()
    {
        await using var platform = CreatePlatform(engines);
        await using var host = await StartAsync(platform, webhook: null);
        using var producer = Producer(platform);
        var offline = new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.Offline, "cam-07", DateTimeOffset.Now,
            "设备超过 60 秒无心跳", LastSeen: DateTimeOffset.Now.AddMinutes(-1));
        var online = offline with { Id = Guid.NewGuid(), Kind = DeviceEventKinds.Online, Message = "设备上线" };
        await producer.ProduceAsync(Topics.DeviceEvents, new Message<string, byte[]> { Key = offline.DeviceId, Value = offline.ToJson() });
        await producer.ProduceAsync(Topics.DeviceEvents, new Message<string, byte[]> { Key = online.DeviceId, Value = online.ToJson() });

        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM alarms WHERE rule_id = 'device-offline' AND subject = 'cam-07' AND title = '设备cam-07离线：设备超过 60 秒无心跳'", 1, Within));
        var alarmId = Guid.Parse((string)(await platform.Client.ExecuteScalarAsync("SELECT toString(any(alarm_id)) FROM alarms"))!);
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM alarms")); // coming online is no alarm
        Assert.Contains(alarmId, await ListAsync(platform, open: true));

        var acks = new AlarmAcknowledger(platform.Client);
        Assert.Null(await acks.AckAsync(Guid.NewGuid(), "值班员张三", null, DateTimeOffset.Now, CancellationToken.None));
        Assert.NotNull(await acks.AckAsync(alarmId, "值班员张三", "已到现场重启摄像机", DateTimeOffset.Now, CancellationToken.None));

        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM alarm_acks WHERE alarm_id = '{alarmId}' AND acked_by = '值班员张三' AND note = '已到现场重启摄像机'"));
        Assert.DoesNotContain(alarmId, await ListAsync(platform, open: true));
        Assert.Contains(alarmId, await ListAsync(platform, open: false));
    }

    private static TestPlatform CreatePlatform(EnginesFixture engines)
    {
        var platform = TestPlatform.Create(engines);
        // A subscriber only sees a topic its metadata knows; create them before the consumers start.
        platform.Kafka.CreateTopic(Topics.GateDecisions, Topics.DefaultPartitions[Topics.GateDecisions]);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, Topics.DefaultPartitions[Topics.DeviceEvents]);
        platform.Kafka.CreateTopic(Topics.Alarms, Topics.DefaultPartitions[Topics.Alarms]);
        return platform;
    }

    private static async Task<RunningHost> StartAsync(TestPlatform platform, string? webhook)
    {
        var settings = platform.Settings();
        if (webhook is not null) settings["Processing:Alarms:Webhooks:0"] = webhook;
        settings["Processing:Alarms:WebhookRetryDelayMs"] = "50";
        var host = await TestPlatform.StartHostAsync(settings, PlatformRole.Processing);
        return new RunningHost(host);
    }

    /// <summary>Stops the host before the platform (declared after it) tears down Kafka under it.</summary>
    private sealed class RunningHost(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(TimeSpan.FromSeconds(30));
            host.Dispose();
        }
    }

    private static Task SendAsync(IProducer<string, byte[]> producer, GateDecisionMessage m) =>
        producer.ProduceAsync(Topics.GateDecisions, new Message<string, byte[]> { Key = m.PartitionKey, Value = m.ToJson() });

    private static async Task<List<Guid>> ListAsync(TestPlatform platform, bool open)
    {
        var ids = new List<Guid>();
        using var reader = await platform.Client.ExecuteReaderAsync(AlarmAcknowledger.ListSql,
            ClickHouseParameters.Of(("open", open ? 1 : 0), ("limit", 100)), null, CancellationToken.None);
        while (reader.Read()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
