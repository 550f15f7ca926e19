using System.CommandLine;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform health</c>: the compose health check — exit 0 when the named endpoints answer.</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "An HTTP URL that must answer 2xx (e.g. ingest's /healthz)" };
        var clickHouse = CommonOptions.ClickHouse();
        var command = new Command("health", "Exit 0 when the given endpoints are healthy") { url, clickHouse };
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var targets = new List<Uri>();
            if (parse.GetValue(url) is { } u) targets.Add(new Uri(u));
            if (parse.GetValue(clickHouse) is { } ch) targets.Add(new Uri(new Uri(ch), "/ping"));
            foreach (var target in targets)
            {
                try
                {
                    using var response = await http.GetAsync(target, ct);
                    if (!response.IsSuccessStatusCode) { Console.Error.WriteLine($"{target}: {(int)response.StatusCode}"); return 1; }
                }
                catch (HttpRequestException ex)
                {
                    Console.Error.WriteLine($"{target}: {ex.Message}");
                    return 1;
                }
            }
            return 0;
        });
        return command;
    }
}
