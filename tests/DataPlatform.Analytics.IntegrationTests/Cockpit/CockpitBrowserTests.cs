using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClickHouse.Driver;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Cli.Standalone;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Http;
using DataPlatform.Ledger;
using DataPlatform.Simulation;
using DataPlatform.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>The web cockpit in a real browser against a running standalone platform (its own process, embedded
/// engines, the simulated steel plant's devices registered) with simulated traffic: yesterday's whole day sent first
/// (camera pushes over HTTP, the weighbridge software's lines over TCP, so trips close with their weights), then live
/// traffic from <c>dataplatform simulate</c> against its ingest endpoint. A passage sealed in the ledger shows on the
/// live monitor within 5 s, every figure of the rating page equals <c>dataplatform rating --format json</c> for the
/// same enterprise and month, and both pages are saved as screenshots (test artifacts,
/// <see cref="CockpitBrowser.Artifacts"/>). In the engines collection only to keep it from running beside the other
/// engine tests on a 2-core machine.</summary>
[Collection(EnginesCollection.Name)]
public sealed partial class CockpitBrowserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan MonitorDelay = TimeSpan.FromSeconds(5);

    /// <summary>The simulated plant's device token (cameras, opacity meters, the weighbridge).</summary>
    private const string Token = "cockpit-browser-test";

    /// <summary>The simulated plant's seed: the same fleet in the days sent first and in the live traffic.</summary>
    private const int Seed = 11;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-cockpit-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_cockpit_shows_a_sealed_passage_within_five_seconds_and_the_rating_of_the_cli()
    {
        var clickHouse = CliProcess.FreePort();
        var ingestPort = CliProcess.FreePort();
        var weighbridgePort = CliProcess.FreePort();
        var analyticsPort = CliProcess.FreePort(); // the option's default, 8090, may be another platform's on a shared machine
        // The steel plant with a weighbridge whose software reports plate and time (its indicator protocol reports
        // neither, so its weighings would join no trip), at a daily volume the 2-core test machine sends in seconds.
        // Its fleet is the one `simulate --profile steel --seed Seed` drives live (the fleet depends on the seed and the
        // plant, not on the volume), so the live trucks are registered too.
        var profile = SimulationProfile.Find("steel")! with
        {
            DailyTrips = 160, MisreadShare = 0, OpacitySpotCheckShare = 0, WeighbridgeProtocol = "software-line",
        };
        var environment = new Dictionary<string, string>
        {
            ["DATAPLATFORM_Analytics__Rating__RefreshIntervalSeconds"] = "10",
            ["DATAPLATFORM_Processing__Trips__IntervalSeconds"] = "2",
            ["DATAPLATFORM_Processing__Trips__PublishLagSeconds"] = "0",
            // The trips job pairs the last WindowDays (3) by default: the day a month back needs a wider window.
            ["DATAPLATFORM_Processing__Trips__WindowDays"] = "40",
        };
        foreach (var (key, value) in SimulatedPlant.DeviceSettings(profile, Token, $"127.0.0.1:{weighbridgePort}"))
            environment["DATAPLATFORM_" + key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        using var platform = CliProcess.Start(environment, "standalone", "--data", _data,
            "--clickhouse-port", clickHouse.ToString(CultureInfo.InvariantCulture), "--ingest-urls", $"http://127.0.0.1:{ingestPort}",
            "--analytics-urls", $"http://127.0.0.1:{analyticsPort}");
        await platform.WaitForOutputAsync("Cockpit ", TimeSpan.FromMinutes(3));
        var cockpit = new Uri(CockpitLine().Match(platform.Output).Groups[1].Value);
        var cli = new Dictionary<string, string> { [ClickHouseCredentials.DataDirectoryVariable] = _data };
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        // The month rated is yesterday's: a whole day of closed, weighed trips (today's live trucks are mostly still in);
        // and a day of the month before, so the trend has a line.
        var rated = today.AddDays(-1);
        var generator = new GateEventGenerator(profile, Seed);
        using (var ledger = LedgerClient(clickHouse))
            await RegisterFleetAsync(new Rating.LedgerRows(ledger, "ledger"), profile.EnterpriseId, generator.Fleet, rated.AddMonths(-1).AddDays(-1));
        foreach (var day in new[] { rated.AddMonths(-1), rated })
            await SendDayAsync(ingestPort, weighbridgePort, profile, generator.Day(day));
        await ImportWaybillAsync(cli, profile.EnterpriseId, rated.AddMonths(-1), rated);
        // The steel plant's live traffic, at a rate a guard can follow (the profile's own 20/s would push a passage
        // off the monitor's list of 30 within a second and a half).
        using var traffic = CliProcess.Start("simulate", "--target", $"http://127.0.0.1:{ingestPort}", "--profile", "steel", "--rate", "3",
            "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--token", Token);
        using var browser = CockpitBrowser.Start();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(cockpit, "monitor"));
        new WebDriverWait(driver, TimeSpan.FromSeconds(90)).Until(d => d.FindElements(By.CssSelector("#passages tr[data-plate]")).Count > 0);

        var plate = "冀R" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        await SendPassageAsync(ingestPort, profile.EnterpriseId, plate);
        // Waited for longer than the 5 s it may take, so that a failure says how long it did take.
        var row = new WebDriverWait(driver, TimeSpan.FromSeconds(60)) { PollingInterval = TimeSpan.FromMilliseconds(100) }
            .Until(d => d.FindElements(By.CssSelector($"#passages tr[data-plate='{plate}']")).FirstOrDefault());
        var shownAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(row.GetAttribute("data-shown-at")!, CultureInfo.InvariantCulture));
        var (decidedAt, sealedAt) = await LedgerTimesAsync(clickHouse, plate);
        // Measured from the passage's arrival in the ledger, not from the device's send: the lane's fusion holds a read
        // until its group closes (a later read of the lane, or Processing:LaneFusionIdleCloseMs, 5 s, of quiet) before
        // the passage row is sealed, and that hold is the ledger being right, not the monitor being slow. The gate
        // decision row — what the monitor lists — is written as soon as the gate decides, before the seal; so the clock
        // starts at the first of the two ledger rows, the decision or the sealed passage, both stamped by the ledger
        // (now64 on insert) on this machine's clock, which the browser's Date.now() of data-shown-at shares.
        var inLedger = decidedAt < sealedAt ? decidedAt : sealedAt;
        var delay = shownAt - inLedger;
        var timing = $"decision recorded {decidedAt:HH:mm:ss.fff}, passage sealed {sealedAt:HH:mm:ss.fff}, shown {shownAt:HH:mm:ss.fff} UTC";
        output.WriteLine($"live monitor: shown {delay.TotalSeconds:0.00} s after the passage reached the ledger ({timing})");
        Assert.True(delay < MonitorDelay, $"the passage showed on the live monitor {delay.TotalSeconds:0.00} s after it reached the ledger ({timing})");
        // Its gate decision and the display text are on the same row (a snapshot may redraw the rows between the find and
        // the read: a stale row is looked up again).
        var displayed = new WebDriverWait(driver, TimeSpan.FromSeconds(15));
        displayed.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        displayed.Until(d =>
            d.FindElements(By.CssSelector($"#passages tr[data-plate='{plate}'] td.display")).FirstOrDefault()?.Text.Contains(plate, StringComparison.Ordinal) == true);
        Assert.NotEqual("–", driver.FindElement(By.Id("kpi-entries")).Text);
        var monitorShot = browser.Screenshot("monitor");

        // The month's rating once the traffic stopped. The CLI is asked before and after the page is read, and only a page
        // read between two equal answers is judged: the refresh job may move the figures in between, and then the page
        // is read again.
        traffic.Kill9();
        var month = rated.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var closedTrips = await WaitForRatedTripsAsync(clickHouse, profile.EnterpriseId, rated);
        output.WriteLine($"{rated:yyyy-MM-dd}: {closedTrips} closed loaded trips in rating_daily");
        for (var attempt = 1; ; attempt++)
        {
            var before = await RatingJsonAsync(cli, profile.EnterpriseId, month);
            driver.Navigate().GoToUrl(new Uri(cockpit, $"rating?enterprise={profile.EnterpriseId}&month={month}"));
            WaitForRatingPage(browser, profile.EnterpriseId);
            var page = RatingPageFigures.Read(driver);
            // The month picker speaks Chinese whatever the browser's locale.
            Assert.Equal($"{rated.Year}年{rated.Month}月", driver.ExecuteScript(
                "const s = document.getElementById('month'); return s.options[s.selectedIndex].text"));
            var after = await RatingJsonAsync(cli, profile.EnterpriseId, month);
            if (before.GetRawText() != after.GetRawText() && attempt < 6) continue;
            Assert.Equal(before.GetRawText(), after.GetRawText());
            page.AssertShows(after);
            output.WriteLine($"rating page = dataplatform rating --format json (attempt {attempt}): {after.GetRawText()}");
            // The waybill imported above and yesterday's weighed trips and entries are in the figures.
            var metrics = after.GetProperty("metrics");
            Assert.True(metrics.GetProperty("road_trips").GetInt64() > 0, $"no closed trip in the rated month: {after.GetRawText()}");
            foreach (var name in new[] { "clean_transport_ratio", "compliant_road_share_tonnes", "compliant_road_share_trips", "in_plant_compliance",
                         "non_road_compliance", "heavy_passages_per_normal_day" })
                Assert.True(metrics.GetProperty(name).ValueKind == JsonValueKind.Number, $"{name} has no figure: {after.GetRawText()}");
            Assert.InRange(metrics.GetProperty("clean_transport_ratio").GetDouble(), 0.0001, 0.9999);
            break;
        }
        var ratingShot = browser.Screenshot("rating");
        Assert.True(new FileInfo(monitorShot).Length > 20_000 && new FileInfo(ratingShot).Length > 20_000, "screenshots saved");
        output.WriteLine($"screenshots: {monitorShot}, {ratingShot}");
    }

    /// <summary>Waits for the rating page to render the enterprise's rating (it rates the month and the 6 months of its
    /// trend); a failure says what the page's status line said and leaves a screenshot.</summary>
    private static void WaitForRatingPage(CockpitBrowser browser, string enterprise)
    {
        try
        {
            new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(120)).Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-loaded") == enterprise);
        }
        catch (WebDriverTimeoutException)
        {
            var status = browser.Driver.FindElement(By.Id("status")).Text;
            throw new Xunit.Sdk.XunitException($"the rating page did not show {enterprise} within 120 s; its status: {status} (screenshot {browser.Screenshot("rating-not-loaded")})");
        }
    }

    /// <summary>Yesterday's traffic as the plant's devices send it, as fast as the platform takes it: camera pushes over
    /// HTTP with the device token, the weighbridge software's lines (plate, time, weight) over its TCP listener.</summary>
    private static async Task SendDayAsync(int ingestPort, int weighbridgePort, SimulationProfile profile, SimulatedTraffic day)
    {
        Assert.True(TcpProtocols.TryParse(profile.WeighbridgeProtocol, DataPlatform.Ingest.Devices.DeviceKind.Weighbridge, out var protocol, out var why), why);
        await using var link = new WeighbridgeLink(new IPEndPoint(IPAddress.Loopback, weighbridgePort), protocol, profile.EnterpriseId);
        using var http = new HttpClient();
        var report = await new GateTrafficSimulator(http, new Uri($"http://127.0.0.1:{ingestPort}"), Token, link)
            .RunTrafficAsync(day, concurrency: 8, CancellationToken.None);
        Assert.True(report.Failed == 0 && report.Weighings > 50, $"yesterday's traffic: {Describe(report)}");
    }

    private static string Describe(SimulationReport r) =>
        $"sent {r.Sent}, accepted {r.Accepted}, rejected {r.Rejected}, failed {r.Failed}, weighings {r.Weighings}";

    /// <summary>The registers the rating reads, written as their writers leave them: the national platform's facts of the
    /// fleet (a standalone plant has no feed of them; a fifth of the trucks stay unknown, as at a real gate) and a few
    /// in-plant vehicles and machines (the guard booth would register them, but configuring its operators puts the
    /// cockpit behind their login).</summary>
    private static async Task RegisterFleetAsync(Rating.LedgerRows rows, string enterprise, IReadOnlyList<SimulatedVehicle> fleet, DateOnly before)
    {
        var at = $"{before:yyyy-MM-dd} 08:00:00";
        await Parallel.ForEachAsync(fleet.Where((_, i) => i % 5 != 0), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (v, _) => await rows.RoadVehicleAsync(v.Plate, v.VehicleType, v.Stage.InternalCode, at, color: v.PlateColor));
        foreach (var (code, stage, i) in new[] { ("NC-01", "6", 0), ("NC-02", "6", 1), ("NC-03", "D", 2), ("NC-04", "5", 3) })
            await rows.RegisterAsync("in_plant_vehicles", enterprise, code, 1, at, stage, plate: $"冀R9{i}00{i}", vehicleType: "H21");
        foreach (var (code, stage) in new[] { ("FD-01", "4"), ("FD-02", "4"), ("FD-03", "3") })
            await rows.RegisterAsync("non_road_machinery", enterprise, code, 1, at, stage);
    }

    /// <summary>Waits until the rating's day row of <paramref name="day"/> holds closed loaded trips and the trips job
    /// has caught up (the count stayed the same over a refresh interval); returns the count.</summary>
    private async Task<long> WaitForRatedTripsAsync(int clickHousePort, string enterprise, DateOnly day)
    {
        using var client = LedgerClient(clickHousePort);
        var parameters = ClickHouseParameters.Of(("e", enterprise), ("d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var deadline = DateTime.UtcNow.AddSeconds(180);
        long last = -1;
        var sameSince = DateTime.UtcNow;
        while (true)
        {
            var trips = Convert.ToInt64(await client.ExecuteScalarAsync(
                "SELECT sum(road_trips) FROM rating_daily FINAL WHERE enterprise_id = {e:String} AND day = {d:Date}", parameters), CultureInfo.InvariantCulture);
            if (trips != last) (last, sameSince) = (trips, DateTime.UtcNow);
            if (trips > 0 && DateTime.UtcNow - sameSince > TimeSpan.FromSeconds(25)) return trips;
            Assert.True(DateTime.UtcNow < deadline, $"rating_daily of {day:yyyy-MM-dd} holds {trips} closed trips after 180 s");
            await Task.Delay(1000);
        }
    }

    private ClickHouseClient LedgerClient(int clickHousePort)
    {
        var service = ClickHouseCredentials.TryLoad(_data)!.Service;
        return new ClickHouseClient($"Host=127.0.0.1;Port={clickHousePort};Username={service.Name};Password={service.Password};Database=ledger");
    }

    /// <summary>One rail shipment on each of <paramref name="days"/>, through <c>dataplatform waybills import</c>, so the
    /// clean-transport ratio has a figure.</summary>
    private async Task ImportWaybillAsync(Dictionary<string, string> cli, string enterprise, params DateOnly[] days)
    {
        var file = Path.Combine(_data, "waybills.csv");
        var rows = days.Select((day, i) => string.Create(CultureInfo.InvariantCulture,
            $"{day:yyyy-MM-dd},rail,in,铁矿石,{3200.5m - 420 * (days.Length - 1 - i)},TL-COCKPIT-{i + 1:00}\n"));
        await File.WriteAllTextAsync(file, "date,mode,direction,material,tonnes,reference\n" + string.Concat(rows));
        var (exit, text) = await CliProcess.RunAsync(cli, "waybills", "import", file, "--enterprise", enterprise);
        Assert.True(exit == 0, $"waybills import exited {exit}:\n{text}");
    }

    /// <summary>A passage of our own through the real ingest endpoint, as the lane's camera: the next simulated read of the
    /// lane closes its fusion group.</summary>
    private static async Task SendPassageAsync(int ingestPort, string enterprise, string plate)
    {
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["eventId"] = "cockpit-test-" + Guid.NewGuid().ToString("N")[..12], ["enterpriseId"] = enterprise,
            ["gateId"] = "G01", ["laneId"] = "L1", ["direction"] = 1, ["passTime"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["plateNo"] = plate, ["plateColor"] = "yellow", ["confidence"] = 0.98, ["vehicleType"] = "H11",
            ["deviceId"] = SimulatedPlant.CameraId("G01", 1), ["pictures"] = Array.Empty<string>(),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{ingestPort}/api/v1/gate-events"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DevicePushes.DeviceIdHeader, SimulatedPlant.CameraId("G01", 1));
        request.Headers.Add(DevicePushes.DeviceTokenHeader, Token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>When the ledger recorded the plate's gate decision and sealed its passage (the rows' insert stamps),
    /// waiting for the sealed passage while its lane's fusion group is still open.</summary>
    private async Task<(DateTimeOffset Decided, DateTimeOffset Sealed)> LedgerTimesAsync(int clickHousePort, string plate)
    {
        using var client = LedgerClient(clickHousePort);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var reader = await client.ExecuteReaderAsync("""
                SELECT (SELECT toUnixTimestamp64Milli(min(recorded_at)) FROM gate_decisions WHERE plate_no = {plate:String}) AS decided,
                       (SELECT toUnixTimestamp64Milli(min(ingested_at)) FROM passages WHERE plate_no = {plate:String} AND record_hash != '') AS sealed,
                       (SELECT count() FROM passages WHERE plate_no = {plate:String} AND record_hash != '') AS passages
                """, ClickHouseParameters.Of(("plate", plate)));
            Assert.True(await reader.ReadAsync());
            if (Convert.ToInt64(reader["passages"], CultureInfo.InvariantCulture) > 0)
                return (DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader["decided"], CultureInfo.InvariantCulture)),
                    DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader["sealed"], CultureInfo.InvariantCulture)));
            Assert.True(DateTime.UtcNow < deadline, $"passage {plate} not sealed in the ledger within 60 s");
            await Task.Delay(200);
        }
    }

    /// <summary><c>dataplatform rating --enterprise E --month M --format json --no-refresh</c> against the running platform.</summary>
    private static async Task<JsonElement> RatingJsonAsync(Dictionary<string, string> cli, string enterprise, string month)
    {
        var (exit, text) = await CliProcess.RunAsync(cli, "rating", "--enterprise", enterprise, "--month", month, "--format", "json", "--no-refresh");
        Assert.True(exit == 0, $"dataplatform rating exited {exit}:\n{text}");
        return Json(text);
    }

    /// <summary>The JSON object a command printed (after any log lines).</summary>
    private static JsonElement Json(string output) =>
        JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..(output.LastIndexOf('}') + 1)]).RootElement.Clone();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // chDB may still hold a file for a moment after the kill; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex(@"^Cockpit\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex CockpitLine();

}
