using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Alarms;

/// <summary>A webhook endpoint on loopback that keeps every alarm POSTed to it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly LoopbackWebhook _hook = new("alarm-hook");

    public string Url => _hook.Url;

    public IReadOnlyList<Alarm> Received => [.. _hook.Requests.Select(r => Alarm.FromJson(r.Body))];

    public async Task<bool> WaitForAsync(Func<Alarm, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Received.Any(match))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    public void Dispose() => _hook.Dispose();
}
