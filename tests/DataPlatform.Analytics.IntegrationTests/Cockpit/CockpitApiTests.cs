using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataPlatform.Analytics.Http;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Cli.Hosting;
using DataPlatform.Cockpit;
using DataPlatform.Cockpit.Monitor;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>The cockpit's HTTP side on the analytics listener, on the real engines: the guard booth's operator
/// accounts guard it when configured, the live snapshot counts what the ledger holds with the gate display text,
/// and the vendored ECharts is served from the assembly.</summary>
[Collection(EnginesCollection.Name)]
public sealed class CockpitApiTests(EnginesFixture engines)
{
    private const string Operator = "booth-1";
    private const string Token = "cockpit-test-token";

    [Fact]
    public async Task The_cockpit_is_behind_the_guard_booth_operators_and_its_snapshot_counts_the_ledger()
    {
        await using var platform = TestPlatform.Create(engines);
        var settings = platform.Settings();
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = Operator;
        settings["Ingest:GuardBooth:Operators:0:Name"] = "门岗1 张三";
        settings["Ingest:GuardBooth:Operators:0:Token"] = Token;
        using var host = await TestPlatform.StartHostAsync(settings, PlatformRole.All);
        try
        {
            var cockpit = new Uri(new Uri(host.Services.GetRequiredService<AnalyticsHttpServer>().Urls[0]), CockpitEndpoints.Path);
            using var anonymous = new HttpClient();
            using var denied = await anonymous.GetAsync(new Uri(cockpit, "api/monitor"));
            Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
            Assert.Contains("Basic", denied.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client(Token + "x").GetAsync(new Uri(cockpit, "monitor"))).StatusCode);

            using var http = Client(Token);
            var ingest = TestPlatform.IngestUri(host);
            var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
            string[] plates = ["冀B10001", "冀B10002", "冀B10003"];
            for (var i = 0; i < plates.Length; i++)
            {
                var body = GateEvents.Json("cockpit-api-" + i, plates[i], passTime: now.AddSeconds(-i).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), direction: i == 2 ? 2 : 1);
                using var sent = await anonymous.PostAsync(new Uri(ingest, "/api/v1/gate-events"), new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            }
            await platform.WaitForAsync("SELECT count() FROM gate_decisions FINAL", plates.Length);

            GateMonitorSnapshot? snapshot = null;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            // Decisions are listed as soon as the gate decides; the passage counts follow when the lanes' fusion windows close.
            while (DateTime.UtcNow < deadline && (snapshot?.Passages.Count(p => p.DisplayText.Length > 0) != plates.Length
                       || snapshot.Today.Entries + snapshot.Today.Exits != plates.Length))
            {
                snapshot = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri(cockpit, "api/monitor")), CockpitJsonContext.Default.GateMonitorSnapshot);
                await Task.Delay(200);
            }
            Assert.NotNull(snapshot);
            Assert.Equal((2, 1), (snapshot.Today.Entries, snapshot.Today.Exits));
            Assert.Equal(plates.Length, snapshot.Today.Allowed + snapshot.Today.Denied + snapshot.Today.Manual);
            Assert.Equal(plates.Order(), snapshot.Passages.Select(p => p.PlateNo).Order());
            var displays = await platform.Client.ExecuteReaderAsync("SELECT plate_no, display_text FROM gate_decisions FINAL");
            while (await displays.ReadAsync())
                Assert.Equal(displays.GetString(1), snapshot.Passages.Single(p => p.PlateNo == displays.GetString(0)).DisplayText);
            Assert.Contains(snapshot.Devices, d => d.Online);

            var echarts = await http.GetAsync(new Uri(cockpit, "assets/vendor/echarts.min.js"));
            Assert.Equal("text/javascript", echarts.Content.Headers.ContentType?.MediaType);
            Assert.True((await echarts.Content.ReadAsByteArrayAsync()).Length > 500_000);
            Assert.Contains("Apache License", await http.GetStringAsync(new Uri(cockpit, "assets/vendor/echarts.LICENSE.txt")), StringComparison.Ordinal);
            Assert.Contains("门禁实时监控", await http.GetStringAsync(new Uri(cockpit, "monitor")), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(cockpit, "assets/../CockpitAccess.cs"))).StatusCode);
            // Read-only: nothing but GET is mapped.
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync(new Uri(cockpit, "api/monitor"), new StringContent(""))).StatusCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static HttpClient Client(string token)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Operator}:{token}")));
        return client;
    }
}
