using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>Debian's Chromium driven by Selenium through Debian's chromedriver (no browser download: the machine has
/// no internet), headless, Chinese locale, at a size between a guard booth screen and a laptop. Screenshots go to
/// <see cref="Artifacts"/> (<c>DATAPLATFORM_TEST_ARTIFACTS</c>, else a folder next to the test assembly).</summary>
public sealed class CockpitBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private CockpitBrowser(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static string Artifacts { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("DATAPLATFORM_TEST_ARTIFACTS") is { Length: > 0 } dir
            ? Path.Combine(dir, "cockpit")
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "cockpit")).FullName;

    public static CockpitBrowser Start(int width = 1440, int height = 1000)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
            throw new InvalidOperationException($"{ChromiumPath} and {DriverPath} are needed: apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does)");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", $"--window-size={width},{height}",
            "--lang=zh-CN", "--hide-scrollbars");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new CockpitBrowser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    /// <summary>Resizes the window to the whole page and saves a PNG of it. The page is measured again after each resize
    /// until the viewport fits it: the charts redraw on resize and the page may grow or shrink.</summary>
    public string Screenshot(string name)
    {
        for (var i = 0; i < 3; i++)
        {
            var missing = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight - window.innerHeight"),
                System.Globalization.CultureInfo.InvariantCulture);
            var size = Driver.Manage().Window.Size;
            var height = Math.Clamp(size.Height + missing, 600, 4000);
            if (missing == 0 || height == size.Height) break;
            Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, height);
            // Two animation frames: the resize event has run and the charts have redrawn.
            Driver.ExecuteAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
        }
        var path = Path.Combine(Artifacts, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
