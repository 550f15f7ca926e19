using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClickHouse.Driver;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Cli.Standalone;
using DataPlatform.Ingest.Simulation;
using DataPlatform.Ledger;
using DataPlatform.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>The web cockpit in a real browser against a running standalone platform (its own process, embedded
/// engines) with simulated traffic (<c>dataplatform simulate</c> against its ingest endpoint): a passage sealed in the
/// ledger shows on the live monitor within 5 s, every figure of the rating page equals <c>dataplatform rating --format
/// json</c> for the same enterprise and month, and both pages are saved as screenshots (test artifacts,
/// <see cref="CockpitBrowser.Artifacts"/>). In the engines collection only to keep it from running beside the other
/// engine tests on a 2-core machine.</summary>
[Collection(EnginesCollection.Name)]
public sealed partial class CockpitBrowserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan MonitorDelay = TimeSpan.FromSeconds(5);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-cockpit-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_cockpit_shows_a_sealed_passage_within_five_seconds_and_the_rating_of_the_cli()
    {
        var clickHouse = CliProcess.FreePort();
        var ingestPort = CliProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["DATAPLATFORM_Analytics__Urls"] = "http://127.0.0.1:0",
            ["DATAPLATFORM_Analytics__Rating__RefreshIntervalSeconds"] = "20",
        };
        using var platform = CliProcess.Start(environment, "standalone", "--data", _data,
            "--clickhouse-port", clickHouse.ToString(CultureInfo.InvariantCulture), "--ingest-urls", $"http://127.0.0.1:{ingestPort}");
        await platform.WaitForOutputAsync("Cockpit ", TimeSpan.FromMinutes(3));
        var cockpit = new Uri(CockpitLine().Match(platform.Output).Groups[1].Value);
        var cli = new Dictionary<string, string> { [ClickHouseCredentials.DataDirectoryVariable] = _data };
        var profile = SimulationProfile.Find("steel")!;
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        await ImportWaybillAsync(cli, profile.EnterpriseId, today);
        // The steel plant's simulated traffic, at a rate a guard can follow (the profile's own 20/s would push a passage
        // off the monitor's list of 30 within a second and a half).
        using var traffic = CliProcess.Start("simulate", "--target", $"http://127.0.0.1:{ingestPort}", "--profile", "steel", "--rate", "3");
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
        // Its gate decision and the display text are on the same row.
        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d =>
            d.FindElements(By.CssSelector($"#passages tr[data-plate='{plate}'] td.display")).FirstOrDefault()?.Text.Contains(plate, StringComparison.Ordinal) == true);
        Assert.NotEqual("–", driver.FindElement(By.Id("kpi-entries")).Text);
        var monitorShot = browser.Screenshot("monitor");

        // The month's rating once the traffic stopped. The CLI is asked before and after the page is read, and only a page
        // read between two equal answers is judged: the refresh job may move the figures in between, and then the page
        // is read again.
        traffic.Kill9();
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var before = await RatingJsonAsync(cli, profile.EnterpriseId, month);
            driver.Navigate().GoToUrl(new Uri(cockpit, $"rating?enterprise={profile.EnterpriseId}&month={month}"));
            WaitForRatingPage(browser, profile.EnterpriseId);
            var page = RatingPageFigures.Read(driver);
            var after = await RatingJsonAsync(cli, profile.EnterpriseId, month);
            if (before.GetRawText() != after.GetRawText() && attempt < 6) continue;
            Assert.Equal(before.GetRawText(), after.GetRawText());
            page.AssertShows(after);
            output.WriteLine($"rating page = dataplatform rating --format json (attempt {attempt}): {after.GetRawText()}");
            // The waybill imported above and today's entries are in the figures.
            var metrics = after.GetProperty("metrics");
            Assert.Equal(JsonValueKind.Number, metrics.GetProperty("clean_transport_ratio").ValueKind);
            Assert.Equal(JsonValueKind.Number, metrics.GetProperty("heavy_passages_per_normal_day").ValueKind);
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

    /// <summary>One rail shipment on <paramref name="day"/>, through <c>dataplatform waybills import</c>, so the clean-transport ratio has a figure.</summary>
    private async Task ImportWaybillAsync(Dictionary<string, string> cli, string enterprise, DateOnly day)
    {
        var file = Path.Combine(_data, "waybills.csv");
        await File.WriteAllTextAsync(file, $"date,mode,direction,material,tonnes,reference\n{day:yyyy-MM-dd},rail,in,铁矿石,3200.5,TL-COCKPIT-01\n");
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
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{ingestPort}/api/v1/gate-events"), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>When the ledger recorded the plate's gate decision and sealed its passage (the rows' insert stamps),
    /// waiting for the sealed passage while its lane's fusion group is still open.</summary>
    private async Task<(DateTimeOffset Decided, DateTimeOffset Sealed)> LedgerTimesAsync(int clickHousePort, string plate)
    {
        var service = ClickHouseCredentials.TryLoad(_data)!.Service;
        using var client = new ClickHouseClient($"Host=127.0.0.1;Port={clickHousePort};Username={service.Name};Password={service.Password};Database=ledger");
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
