using DataPlatform.Cli.Hosting;
using DataPlatform.Processing.Passages;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.EndToEnd;

[Collection(EnginesCollection.Name)]
public sealed class LedgerRowTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_posted_event_reads_back_through_ClickHouse_Driver_with_every_field()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.All);
        using var http = new HttpClient();

        // Full-width letters and a separator, as cameras send them: the ledger keeps the normalised plate.
        var response = await GateEvents.PostAsync(http, TestPlatform.IngestUri(host),
            GateEvents.Json("cam01-000042", plate: "沪Ａ·Ｄ12345", color: "渐变绿", type: "H31", direction: 2, gate: "G02"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);

        var id = PassageIdentity.For("E1302001", "G02", "cam01-000042");
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));
        using var reader = await platform.Client.ExecuteReaderAsync(
            "SELECT passage_id, event_id, gate_id, lane_id, direction, toString(pass_time), plate_no, plate_color, " +
            "confidence, vehicle_type, device_id, pictures FROM passages");
        Assert.True(reader.Read());
        Assert.Equal(id, reader.GetGuid(0));
        Assert.Equal("cam01-000042", reader.GetString(1));
        Assert.Equal("G02", reader.GetString(2));
        Assert.Equal("L1", reader.GetString(3));
        Assert.Equal(2, Convert.ToInt32(reader.GetValue(4)));
        Assert.Equal("2026-11-28 09:15:30", reader.GetString(5));
        Assert.Equal("沪AD12345", reader.GetString(6));
        Assert.Equal("green", reader.GetString(7));
        Assert.Equal(0.97f, Convert.ToSingle(reader.GetValue(8)), 3);
        Assert.Equal("H31", reader.GetString(9));
        Assert.Equal("cam-01", reader.GetString(10));
        Assert.Equal(["sha256:00ff"], (string[])reader.GetValue(11));
    }
}
