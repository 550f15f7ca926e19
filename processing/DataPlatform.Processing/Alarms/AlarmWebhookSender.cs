using System.Net.Http.Headers;
using System.Threading.Channels;
using DataPlatform.Processing.Alarms.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary>
/// Best-effort fan-out of new alarms to <see cref="AlarmOptions.Webhooks"/>. The consumer only enqueues (never
/// waits on a receiver), so a slow or dead webhook cannot hold back the alarm table, let alone the ledger.
/// Each URL is retried with doubling delays; what still fails is logged and dropped. Not durable: alarms queued
/// at a crash are not re-sent — the table and the <c>alarms</c> topic are the record.
/// </summary>
public sealed class AlarmWebhookSender : BackgroundService
{
    private readonly Channel<Alarm> _queue;
    private readonly HttpClient _http;
    private readonly AlarmOptions _options;
    private readonly ILogger<AlarmWebhookSender> _logger;
    private long _delivered;

    public AlarmWebhookSender(IOptions<AlarmOptions> options, ILogger<AlarmWebhookSender> logger)
    {
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<Alarm>(new BoundedChannelOptions(Math.Max(1, _options.WebhookQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        _http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(Math.Max(100, _options.WebhookTimeoutMs)) };
    }

    /// <summary>Successful POSTs since start (one per alarm and URL).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public void Enqueue(IEnumerable<Alarm> alarms)
    {
        if (_options.Webhooks.Count == 0) return;
        foreach (var alarm in alarms)
            if (!_queue.Writer.TryWrite(alarm))
                _logger.LogWarning("告警推送队列已满，告警 {AlarmId} 未推送到 webhook", alarm.AlarmId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alarm in _queue.Reader.ReadAllAsync(stoppingToken))
                await Task.WhenAll(_options.Webhooks.Select(url => DeliverAsync(url, alarm, stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(string url, Alarm alarm, CancellationToken ct)
    {
        var body = alarm.ToJson();
        var delay = TimeSpan.FromMilliseconds(Math.Max(1, _options.WebhookRetryDelayMs));
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await _http.PostAsync(url, content, ct);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _delivered);
                    return;
                }
                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException
                                       && !ct.IsCancellationRequested)
            {
                failure = ex.Message;
            }
            if (attempt >= _options.WebhookAttempts)
            {
                _logger.LogError("告警 {AlarmId} 推送到 {Url} 失败 {Attempts} 次，已放弃: {Failure}", alarm.AlarmId, url, attempt, failure);
                return;
            }
            _logger.LogWarning("告警 {AlarmId} 推送到 {Url} 失败 (第 {Attempt} 次): {Failure}；稍后重试", alarm.AlarmId, url, attempt, failure);
            await Task.Delay(delay, ct);
            delay *= 2;
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
