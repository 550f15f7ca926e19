using ClickHouse.Driver;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DataPlatform.Ledger;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Hosting;

/// <summary>One health finding: healthy or not, and what was seen (printed by <c>dataplatform health</c>).</summary>
public sealed record HealthFinding(bool Healthy, string What, bool Answered = true)
{
    public static HealthFinding NoAnswer(string what) => new(false, what, Answered: false);
}

/// <summary>
/// What "healthy" means per role, for compose's health checks and an operator's <c>dataplatform health</c>:
/// processing keeps up (the processing group's lag on <c>gate.raw</c> under a bound), the regulator bridge drains its
/// outbox (the oldest waiting record younger than its backlog alarm age), ingest and analytics answer on their
/// listeners. Each also needs ClickHouse to answer a query.
/// </summary>
public static class PlatformHealth
{
    public static async Task<HealthFinding> HttpAsync(Uri target, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(target, ct);
            return new(response.IsSuccessStatusCode, $"{target} → {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthFinding.NoAnswer($"{target} 无应答 (no answer): {ex.Message}");
        }
    }

    public static async Task<HealthFinding> ClickHouseAsync(ClickHouseOptions options, CancellationToken ct)
    {
        try
        {
            using var client = new ClickHouseClient(options.ConnectionString(withDatabase: false));
            var one = await client.ExecuteScalarAsync("SELECT 1", null, null, ct);
            return new(Convert.ToInt32(one, System.Globalization.CultureInfo.InvariantCulture) == 1, $"ClickHouse {options.Endpoint} 可查询 (answers)");
        }
        catch (Exception ex) when (ex is HttpRequestException or ClickHouseServerException or TaskCanceledException)
        {
            return HealthFinding.NoAnswer($"ClickHouse {options.Endpoint} 无应答 (no answer): {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The consumer group's lag summed over <paramref name="topic"/>'s partitions (high watermark minus the
    /// committed offset; a partition with no commit yet counts whole).</summary>
    public static async Task<HealthFinding> ConsumerLagAsync(KafkaOptions kafka, string group, string topic, long maxLag, CancellationToken ct)
    {
        try
        {
            var adminConfig = new AdminClientConfig { BootstrapServers = kafka.BootstrapServers };
            foreach (var (key, value) in kafka.Properties) adminConfig.Set(key, value);
            using var admin = new AdminClientBuilder(adminConfig).SetLogHandler((_, _) => { }).Build();
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5));
            var partitions = metadata.Topics.SelectMany(t => t.Partitions.Select(p => new TopicPartition(topic, p.PartitionId))).ToList();
            if (partitions.Count == 0) return new(false, $"Kafka 没有主题 (no topic) {topic}");
            var committed = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, partitions)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = TimeSpan.FromSeconds(5) }))
                .SelectMany(g => g.Partitions).ToDictionary(p => p.TopicPartition, p => p.Offset);
            using var consumer = new ConsumerBuilder<byte[], byte[]>(kafka.Consumer(group + "-health", "dataplatform-health"))
                .SetLogHandler((_, _) => { }).Build();
            long lag = 0;
            foreach (var partition in partitions)
            {
                ct.ThrowIfCancellationRequested();
                var marks = consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(5));
                var from = committed.TryGetValue(partition, out var offset) && offset.Value >= 0 ? offset.Value : marks.Low.Value;
                lag += Math.Max(0, marks.High.Value - from);
            }
            return new(lag <= maxLag, $"消费组 {group} 在 {topic} 的积压 (lag) {lag} (上限 bound {maxLag})");
        }
        catch (KafkaException ex)
        {
            return HealthFinding.NoAnswer($"Kafka {kafka.BootstrapServers} 无应答 (no answer): {ex.Error.Reason}");
        }
    }

    /// <summary>The bridge's outbox: healthy while its oldest waiting record is younger than the backlog alarm age;
    /// a bridge that is not enabled idles and is healthy.</summary>
    public static async Task<HealthFinding> OutboxAsync(IConfiguration configuration, ClickHouseOptions clickHouse, CancellationToken ct)
    {
        var bridge = configuration.GetSection(RegulatorBridgeOptions.Section).Get<RegulatorBridgeOptions>() ?? new RegulatorBridgeOptions();
        if (!bridge.Enabled) return new(true, "监管平台对接未启用, 空闲 (regulator bridge not enabled: idle)");
        try
        {
            using var client = new ClickHouseClient(clickHouse.ConnectionString());
            var store = new OutboxStore(client, Options.Create(clickHouse), TimeProvider.System);
            var (count, oldest) = await store.BacklogAsync(ct);
            var age = oldest is { } o ? DateTimeOffset.UtcNow - o : TimeSpan.Zero;
            return new(age <= bridge.BacklogAlarmAge,
                $"上传队列 (outbox) {count} 条待上传, 最早 {age.TotalMinutes:F0} 分钟前 (上限 bound {bridge.BacklogAlarmAge.TotalMinutes:F0} min)");
        }
        catch (Exception ex) when (ex is HttpRequestException or ClickHouseServerException)
        {
            return new(false, $"上传队列无法读取 (outbox unreadable): {ex.Message.Split('\n')[0]}");
        }
    }
}
