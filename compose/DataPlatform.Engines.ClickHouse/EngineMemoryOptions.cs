using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DataPlatform.Engines.ClickHouse;

/// <summary>
/// chDB's server-level memory settings, given once when the engine boots (as <c>--name=value</c> arguments of
/// <c>chdb_connect</c>, which ClickHouse reads as server configuration). Null keeps ClickHouse's default, which is
/// sized for a dedicated server: 5 GiB each for the mark, primary-index and index-mark caches, 90 % of RAM for
/// queries, and up to 1,000 idle threads kept in the global pool. An embedded engine shares its process (and a
/// plant's small box) with the platform, so standalone sets <see cref="Standalone"/>.
/// </summary>
/// <remarks>The caches are limits, not allocations: they fill only with what is read, so smaller limits cost
/// re-reading marks from disk (the page cache) on a busy box, never correctness.</remarks>
public sealed class EngineMemoryOptions
{
    /// <summary>Configuration section standalone binds these from.</summary>
    public const string Section = "Standalone:ClickHouseMemory";

    private const long MiB = 1L << 20;

    /// <summary>Cap on the engine's tracked memory (<c>max_server_memory_usage</c>); a query that would pass it
    /// fails with MEMORY_LIMIT_EXCEEDED instead of growing the process. 0 = ClickHouse's 90 % of RAM.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxServerMemoryUsageBytes { get; set; }

    /// <summary>Cache of MergeTree marks (<c>mark_cache_size</c>).</summary>
    [Range(0, long.MaxValue)]
    public long? MarkCacheSizeBytes { get; set; }

    /// <summary>Cache of primary indexes of parts not kept in memory (<c>primary_index_cache_size</c>).</summary>
    [Range(0, long.MaxValue)]
    public long? PrimaryIndexCacheSizeBytes { get; set; }

    /// <summary>Cache of secondary-index marks (<c>index_mark_cache_size</c>).</summary>
    [Range(0, long.MaxValue)]
    public long? IndexMarkCacheSizeBytes { get; set; }

    /// <summary>Cache of decompressed blocks (<c>uncompressed_cache_size</c>; off in ClickHouse by default).</summary>
    [Range(0, long.MaxValue)]
    public long? UncompressedCacheSizeBytes { get; set; }

    /// <summary>Cache of which granules a filter ruled out (<c>query_condition_cache_size</c>, default 100 MiB).</summary>
    [Range(0, long.MaxValue)]
    public long? QueryConditionCacheSizeBytes { get; set; }

    /// <summary>Cache of JIT-compiled expressions (<c>compiled_expression_cache_size</c>, default 128 MiB).</summary>
    [Range(0, long.MaxValue)]
    public long? CompiledExpressionCacheSizeBytes { get; set; }

    /// <summary>Idle threads the engine's global pool keeps (<c>max_thread_pool_free_size</c>, default 1,000);
    /// threads beyond it end when idle and are created again when needed.</summary>
    [Range(0, 100_000)]
    public int? MaxThreadPoolFreeSize { get; set; }

    /// <summary>ClickHouse's own defaults: a dedicated server's sizes (tests, benchmarks, <c>dataplatform engines</c>).</summary>
    public static EngineMemoryOptions ServerDefaults => new();

    /// <summary>
    /// Sizes for the standalone box, where the engine shares one process with every stage: caches that hold the
    /// ledger's working set many times over (its marks were well under 1 MiB after a simulated hour) yet cannot
    /// grow into gigabytes over months, and a thread pool that gives idle threads back.
    /// </summary>
    public static EngineMemoryOptions Standalone => new()
    {
        MarkCacheSizeBytes = 64 * MiB,
        PrimaryIndexCacheSizeBytes = 64 * MiB,
        IndexMarkCacheSizeBytes = 16 * MiB,
        QueryConditionCacheSizeBytes = 16 * MiB,
        CompiledExpressionCacheSizeBytes = 16 * MiB,
        MaxThreadPoolFreeSize = 16,
    };

    /// <summary>The <c>--name=value</c> arguments for the settings that are set, in a fixed order.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>();
        Add("max_server_memory_usage", MaxServerMemoryUsageBytes);
        Add("mark_cache_size", MarkCacheSizeBytes);
        Add("primary_index_cache_size", PrimaryIndexCacheSizeBytes);
        Add("index_mark_cache_size", IndexMarkCacheSizeBytes);
        Add("uncompressed_cache_size", UncompressedCacheSizeBytes);
        Add("query_condition_cache_size", QueryConditionCacheSizeBytes);
        Add("compiled_expression_cache_size", CompiledExpressionCacheSizeBytes);
        Add("max_thread_pool_free_size", MaxThreadPoolFreeSize);
        return arguments;

        void Add(string name, long? value)
        {
            if (value is { } set) arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--{name}={set}"));
        }
    }

    /// <summary>Throws naming the first setting out of range.</summary>
    /// <exception cref="ValidationException">A setting is out of range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
