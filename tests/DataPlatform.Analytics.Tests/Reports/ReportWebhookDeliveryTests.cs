using System.Collections.Concurrent;
using System.Net;
using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Reports;
using DataPlatform.Reports.Delivery;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Tests.Reports;

/// <summary>A finished report announced through the alarm webhook sender to a real HTTP listener on loopback: the
/// body and headers a receiver gets, the retry after a 5xx, and the error logged when a receiver keeps failing.
/// The alarm service's webhook machinery carries no signature header (none is configured anywhere), so there is
/// none to check.</summary>
public sealed class ReportWebhookDeliveryTests
{
    private static readonly ReportPeriod October = ReportPeriod.Month("E1302001", 2026, 10);

    private static readonly RenderedReport Rendered = new("/srv/reports/E1302001/monthly-2026-10.html", "/srv/reports/E1302001/monthly-2026-10.pdf");

    [Fact]
    public async Task A_finished_report_is_posted_as_json_with_its_files_and_retried_after_a_5xx()
    {
        using var hook = new LoopbackWebhook("report-hook", HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        await using var platform = await Platform.StartAsync(hook.Url, attempts: 3);

        platform.Delivery.Announce(October, Rendered);

        var requests = await hook.WaitForAsync(2);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("application/json; charset=utf-8", r.ContentType);
        });
        Assert.Equal(requests[0].Body, requests[1].Body); // the retry sends the same notice
        var notice = Alarm.FromJson(requests[1].Body);
        Assert.Equal(ReportDelivery.RuleId, notice.RuleId);
        Assert.Equal("info", notice.Severity);
        Assert.Equal("2026年10月环保门禁管理月报已生成", notice.Title);
        Assert.Equal("E1302001", notice.EnterpriseId);
        Assert.Equal(October.Key, notice.SourceId);
        Assert.Equal(Rendered.Files, notice.Detail.Split('\n'));
        Assert.Equal(DeterministicGuid.For("report:" + October.Key), notice.AlarmId); // a re-announcement is the same notice
        Assert.True(await platform.DeliveredAsync(1), "the 2xx after the retry counts as delivered");
        Assert.Contains(platform.Logs, l => l.Level == LogLevel.Warning && l.Text.Contains("HTTP 503") && l.Text.Contains(hook.Url));
        Assert.DoesNotContain(platform.Logs, l => l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_gets_every_attempt_then_an_error_naming_the_url_and_the_failure()
    {
        using var hook = new LoopbackWebhook("report-hook", HttpStatusCode.InternalServerError); // every request answered 500
        await using var platform = await Platform.StartAsync(hook.Url, attempts: 3);

        platform.Delivery.Announce(October, Rendered);

        var error = await platform.WaitForLogAsync(LogLevel.Error);
        Assert.Equal(3, hook.Requests.Count);
        Assert.Contains(hook.Url, error);
        Assert.Contains("HTTP 500", error);
        Assert.Contains("3 次，已放弃", error);
        Assert.Contains(DeterministicGuid.For("report:" + October.Key).ToString(), error);
        Assert.Equal(0, platform.Sender.Delivered);
    }

    [Fact]
    public async Task Without_an_alarm_service_in_the_process_the_log_says_there_is_no_webhook_delivery()
    {
        var logs = new CapturedLogs();
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ReportDelivery>()
            .BuildServiceProvider();

        services.GetRequiredService<ReportDelivery>().Announce(October, Rendered);

        Assert.Contains(logs.Lines, l => l.Text.Contains("未推送 webhook") && l.Text.Contains(October.Key));
    }

    /// <summary>The report delivery with the alarm service's webhook sender running, as in a standalone process.</summary>
    private sealed class Platform : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly CapturedLogs _logs = new();

        private Platform(string url, int attempts)
        {
            _services = new ServiceCollection()
                .AddLogging(b => b.AddProvider(_logs))
                .AddSingleton(Options.Create(new AlarmOptions { Webhooks = [url], WebhookAttempts = attempts, WebhookRetryDelayMs = 20 }))
                .AddSingleton<AlarmWebhookSender>()
                .AddSingleton(TimeProvider.System)
                .AddSingleton<ReportDelivery>()
                .BuildServiceProvider();
        }

        public AlarmWebhookSender Sender => _services.GetRequiredService<AlarmWebhookSender>();

        public ReportDelivery Delivery => _services.GetRequiredService<ReportDelivery>();

        public IReadOnlyList<(LogLevel Level, string Text)> Logs => _logs.Lines;

        public static async Task<Platform> StartAsync(string url, int attempts)
        {
            var platform = new Platform(url, attempts);
            await platform.Sender.StartAsync(CancellationToken.None);
            return platform;
        }

        public async Task<bool> DeliveredAsync(long count)
        {
            for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(20))
                if (Sender.Delivered >= count) return true;
            return false;
        }

        public async Task<string> WaitForLogAsync(LogLevel level)
        {
            for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(20))
                if (_logs.Lines.FirstOrDefault(l => l.Level == level) is { Text: not null } line) return line.Text;
            throw new TimeoutException($"no {level} log line within 10 s");
        }

        public async ValueTask DisposeAsync()
        {
            await Sender.StopAsync(CancellationToken.None);
            await _services.DisposeAsync();
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Lines => _lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
