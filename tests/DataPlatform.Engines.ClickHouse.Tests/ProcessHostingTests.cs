namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>What hosting chDB in a .NET process must not break.</summary>
[Collection(EngineCollection.Name)]
public sealed class ProcessHostingTests(EngineFixture fixture)
{
    [Fact]
    public async Task Null_dereference_is_still_a_managed_exception_after_chDB_booted()
    {
        Assert.Equal("1\n", await fixture.Http.GetStringAsync("?query=SELECT+1"));
        string? nothing = Environment.GetEnvironmentVariable("DATAPLATFORM_SURELY_UNSET_" + Guid.NewGuid().ToString("N"));
        Assert.Throws<NullReferenceException>(() => nothing!.Length);
    }

    [Fact]
    public async Task A_second_start_on_the_same_path_is_refused_for_a_different_path()
    {
        var other = Path.Combine(Path.GetTempPath(), $"dataplatform-chdb-other-{Guid.NewGuid():N}");
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = other, Port = 0 }));
    }

    [Fact]
    public void Explicit_library_path_wins()
    {
        Assert.Equal("/opt/chdb/libchdb.so", ChdbLibrary.ResolveTargetPath("/opt/chdb/libchdb.so"));
        if (Environment.GetEnvironmentVariable(ChdbLibrary.LibraryPathVariable) is null)
        {
            Assert.EndsWith(Path.Combine("chdb", ChdbLibrary.Version, "libchdb.so"), ChdbLibrary.ResolveTargetPath());
        }
    }
}
