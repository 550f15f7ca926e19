using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>A webhook receiver on loopback (a real HTTP listener, not a fake client handler, so the sender's own
/// HTTP stack, headers and retries are what is tested): answers each request with the next status of its script,
/// then with <c>otherwise</c>, and keeps every request it received.</summary>
public sealed class LoopbackWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _script;
    private readonly HttpStatusCode _otherwise;
    private readonly Task _loop;

    public LoopbackWebhook(string path, HttpStatusCode otherwise = HttpStatusCode.NoContent, params HttpStatusCode[] script)
    {
        _script = new ConcurrentQueue<HttpStatusCode>(script);
        _otherwise = otherwise;
        Url = $"http://127.0.0.1:{FreePort()}/{path.Trim('/')}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<WebhookRequest> Requests { get; } = new();

    /// <summary>The received requests once <paramref name="count"/> have arrived.</summary>
    /// <exception cref="TimeoutException">fewer arrived within <paramref name="within"/> (default 10 s).</exception>
    public async Task<IReadOnlyList<WebhookRequest>> WaitForAsync(int count, TimeSpan? within = null)
    {
        for (var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10)); DateTime.UtcNow < deadline; await Task.Delay(20))
            if (Requests.Count >= count) return Requests.ToList();
        throw new TimeoutException($"{Requests.Count} of {count} requests within {(within ?? TimeSpan.FromSeconds(10)).TotalSeconds:0} s");
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new WebhookRequest(context.Request.HttpMethod, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = (int)(_script.TryDequeue(out var status) ? status : _otherwise);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>One request a <see cref="LoopbackWebhook"/> received.</summary>
public sealed record WebhookRequest(string Method, string? ContentType, byte[] Body);
