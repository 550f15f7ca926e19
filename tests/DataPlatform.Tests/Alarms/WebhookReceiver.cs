using System.Collections.Concurrent;
using System.Net;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Alarms;

/// <summary>A webhook endpoint on loopback that keeps every alarm POSTed to it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{CliProcess.FreePort()}/alarm-hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<Alarm> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue(Alarm.FromJson(body.ToArray()));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

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

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
