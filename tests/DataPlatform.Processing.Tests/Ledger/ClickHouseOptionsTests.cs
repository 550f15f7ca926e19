using ClickHouse.Driver.ADO;
using DataPlatform.Ledger;

namespace DataPlatform.Processing.Tests.Ledger;

/// <summary>Bodies to ClickHouse are compressed over a network and not over loopback (the embedded engine), unless
/// configured either way; the driver reads the setting from the connection string.</summary>
public sealed class ClickHouseOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8123", null, false)]
    [InlineData("http://localhost:8123", null, false)]
    [InlineData("http://[::1]:8123", null, false)]
    [InlineData("http://clickhouse:8123", null, true)]
    [InlineData("https://10.1.2.3:8443", null, true)]
    [InlineData("http://127.0.0.1:8123", true, true)]
    [InlineData("http://clickhouse:8123", false, false)]
    public void Compression_is_off_for_loopback_unless_configured(string endpoint, bool? configured, bool expected)
    {
        var options = new ClickHouseOptions { Endpoint = endpoint, Compression = configured };
        Assert.Equal(expected, options.Compresses);
        var driver = new ClickHouseConnectionStringBuilder(options.ConnectionString());
        Assert.Equal(expected, driver.Compression);
    }
}
