using System.Net;
using System.Text;
using System.Threading.Channels;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Spec §5 baseline: one HTTPS POST of the envelope per request, the answer verified with the platform's
/// public key. Timeouts, 5xx and dropped connections are transient; the outbox retries them.</summary>
public sealed class HttpsTransport : IRegulatorTransport
{
    private readonly CompiledProfile _profile;
    private readonly EnvelopeVerifier _verifier;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Channel<string> _never = Channel.CreateUnbounded<string>();

    public HttpsTransport(CompiledProfile profile, EnvelopeVerifier verifier, TimeProvider time, int maxConnections)
    {
        _profile = profile;
        _verifier = verifier;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = profile.Profile.Deadlines.Request,
        })
        {
            // Each request has its own deadline below; the client-wide one would only hide it.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public ChannelReader<string> Pushed => _never.Reader;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<TransportReply> SendAsync(SignedEnvelope envelope, string? recordId, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_profile.Profile.Deadlines.Request);
        try
        {
            using var content = new StringContent(envelope.Json, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_profile.Profile.Https.UrlFor(envelope.Method), content, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                return TransportReply.Failed(AttemptOutcome.TransportError, $"HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode && string.IsNullOrWhiteSpace(body))
                return TransportReply.Failed(AttemptOutcome.TransportError, $"HTTP {(int)response.StatusCode}");
            return ReplyClassifier.Classify(_verifier, body, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TransportReply.Failed(AttemptOutcome.Timeout, $"请求超时（{_profile.Profile.Deadlines.Request.TotalSeconds:0.#} 秒）");
        }
        catch (HttpRequestException e)
        {
            return TransportReply.Failed(AttemptOutcome.TransportError, $"连接失败：{e.Message}");
        }
        catch (IOException e)
        {
            return TransportReply.Failed(AttemptOutcome.TransportError, $"连接中断：{e.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _never.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
