using DataPlatform.Engines.ClickHouse;
using DataPlatform.Streams;

namespace DataPlatform.Cli.Standalone;

/// <summary>How <c>dataplatform standalone</c> lays out its single process.</summary>
public sealed class StandaloneOptions
{
    /// <summary>State directory: chDB data, the ingest journal, <c>kafka.bootstrap</c>.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>Port of the ClickHouse HTTP endpoint on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int ClickHousePort { get; set; } = 8123;

    /// <summary>Addresses of the device-facing ingest listener; port 0 picks a free one.</summary>
    public string IngestUrls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Addresses of the analytics listener (web cockpit, waybill import); port 0 picks a free one.</summary>
    public string AnalyticsUrls { get; set; } = "http://127.0.0.1:8090";

    /// <summary>Most partitions a topic gets in the embedded broker (<see cref="TopicPartitions"/>).</summary>
    /// <remarks>librdkafka's mock broker keeps up to 5 MiB of each partition's log in memory — fixed in librdkafka,
    /// with no retention setting and no DeleteRecords — so the broker's memory grows with traffic until every busy
    /// partition holds its 5 MiB. With the platform's defaults (12 partitions for gate.raw and gate.decisions, 4 for
    /// gate.weighings and ledger.records) that is 160 MiB for those four topics alone, reached within about three hours
    /// of simulated traffic (measured: about 40 KB/s across them, ledger.records full after ~20 minutes); capped at 4 it
    /// is 80 MiB. One box at one plant's traffic needs no more parallelism than that.</remarks>
    public int MaxPartitions { get; set; } = 4;

    /// <summary>Partitions per topic in the embedded broker: <see cref="Topics.DefaultPartitions"/>, each at most
    /// <see cref="MaxPartitions"/>.</summary>
    public IReadOnlyDictionary<string, int> TopicPartitions =>
        Topics.DefaultPartitions.ToDictionary(kv => kv.Key, kv => Math.Min(kv.Value, MaxPartitions), StringComparer.Ordinal);

    /// <summary>The embedded engine's caches and idle threads, sized for a box it shares with every stage; the
    /// configuration section <c>Standalone:ClickHouseMemory</c> overrides each one.</summary>
    public EngineMemoryOptions ClickHouseMemory { get; set; } = EngineMemoryOptions.Standalone;

    /// <summary>Seconds between returns of glibc's free pages to the system (<see cref="Hosting.NativeHeap.Trim"/>);
    /// configuration <c>Standalone:MallocTrimSeconds</c>; 0 turns it off.</summary>
    public int MallocTrimSeconds { get; set; } = 15;

    /// <summary>With an enterprise code, also runs the regulator platform simulator and the regulator bridge
    /// uploading to it (keys generated at first start under <c>DIR/regulator-keys</c>) — unless the configuration has
    /// <c>RegulatorBridge:*</c> settings, which then win; null: neither.</summary>
    public string? SimulatedRegulatorEnterprise { get; set; }

    /// <summary>The device token of the simulated plant's registered devices, written to <c>DIR/endpoints.env</c>.</summary>
    public string? DeviceToken { get; set; }

    /// <summary>Extra configuration for the stages, e.g. <c>Processing:MaxBatchDelayMs</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "dataplatform");
}
