using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>The engine's boot-time memory settings as chdb_connect arguments (the engine itself boots once per test
/// process, with ClickHouse's defaults, in <see cref="EngineFixture"/>; standalone's sizes are measured by booting
/// the CLI: README.md, "Standalone memory").</summary>
public sealed class EngineMemoryOptionsTests
{
    [Fact]
    public void Server_defaults_pass_no_arguments_so_ClickHouse_keeps_its_own()
    {
        Assert.Empty(EngineMemoryOptions.ServerDefaults.ToArguments());
    }

    [Fact]
    public void Standalone_sizes_become_server_settings_in_bytes()
    {
        Assert.Equal(
        [
            "--mark_cache_size=67108864",
            "--primary_index_cache_size=67108864",
            "--index_mark_cache_size=16777216",
            "--query_condition_cache_size=16777216",
            "--compiled_expression_cache_size=16777216",
            "--max_thread_pool_free_size=16",
        ], EngineMemoryOptions.Standalone.ToArguments());
    }

    [Fact]
    public void A_memory_cap_is_passed_as_max_server_memory_usage()
    {
        var options = new EngineMemoryOptions { MaxServerMemoryUsageBytes = 1L << 30, UncompressedCacheSizeBytes = 0 };
        Assert.Equal(["--max_server_memory_usage=1073741824", "--uncompressed_cache_size=0"], options.ToArguments());
    }

    [Fact]
    public void A_negative_size_is_refused_naming_the_setting()
    {
        var options = new EngineMemoryOptions { MarkCacheSizeBytes = -1 };
        var error = Assert.Throws<ValidationException>(options.Validate);
        Assert.Contains(nameof(EngineMemoryOptions.MarkCacheSizeBytes), error.Message);
    }
}
