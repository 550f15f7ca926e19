using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Framing;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using Microsoft.Extensions.Logging;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Hebei-style persistent link: one TCP connection, one signed JSON envelope per line each way. Connects
/// and logs in, reconnects with back-off when the link drops or stays silent for too many heartbeat periods,
/// matches asynchronous answers to requests (<see cref="PendingReplies"/>) and hands lines the platform sends on
/// its own (commands) to <see cref="Pushed"/>.</summary>
public sealed class TcpTransport : IRegulatorTransport
{
    private readonly CompiledProfile _profile;
    private readonly EnvelopeVerifier _verifier;
    private readonly Func<string, string, SignedEnvelope> _sign;
    private readonly TcpLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PendingReplies _pending = new();
    private readonly Channel<string> _pushed = Channel.CreateBounded<string>(1024);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random = new();
    private volatile Stream? _stream;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    /// <remarks><paramref name="sign"/>: Builds a signed envelope (method, data) for the login.</remarks>
    public TcpTransport(CompiledProfile profile, EnvelopeVerifier verifier, Func<string, string, SignedEnvelope> sign,
        TcpLinkOptions options, TimeProvider time, ILogger logger)
    {
        _profile = profile;
        _verifier = verifier;
        _sign = sign;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public ChannelReader<string> Pushed => _pushed.Reader;

    /// <summary>Connections made so far (a reconnect counts).</summary>
    public int Connections { get; private set; }

    public bool IsConnected => _stream is not null;

    public Task StartAsync(CancellationToken ct)
    {
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task<TransportReply> SendAsync(SignedEnvelope envelope, string? recordId, CancellationToken ct)
    {
        var request = _profile.Profile.Deadlines.Request;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(request);
        try
        {
            // Not connected: wait a little for the link (it may be reconnecting) rather than fail at once.
            var stream = _stream;
            if (stream is null)
            {
                await _connected.Task.WaitAsync(TimeSpan.FromTicks(request.Ticks / 4), deadline.Token);
                stream = _stream ?? throw new IOException("未连接");
            }
            var reply = _pending.Register(envelope.Nonce, recordId);
            try
            {
                await WriteAsync(stream, envelope.Json, deadline.Token);
                var line = await reply.WaitAsync(deadline.Token);
                return ReplyClassifier.Classify(_verifier, line, _time.GetUtcNow());
            }
            finally
            {
                _pending.Forget(envelope.Nonce);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TransportReply.Failed(AttemptOutcome.Timeout, $"等待应答超时（{request.TotalSeconds:0.#} 秒）");
        }
        catch (TimeoutException)
        {
            return TransportReply.Failed(AttemptOutcome.TransportError, "未连接到监管平台");
        }
        catch (IOException e)
        {
            return TransportReply.Failed(AttemptOutcome.TransportError, $"连接中断：{e.Message}");
        }
        catch (ObjectDisposedException)
        {
            return TransportReply.Failed(AttemptOutcome.TransportError, "连接已关闭");
        }
    }

    private async Task WriteAsync(Stream stream, string json, CancellationToken ct)
    {
        var frame = JsonLines.Frame(json);
        await _writeLock.WaitAsync(ct);
        try
        {
            await stream.WriteAsync(frame, ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            TcpClient? client = null;
            try
            {
                client = new TcpClient { NoDelay = true };
                using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    connect.CancelAfter(_profile.Profile.Deadlines.Request);
                    await client.ConnectAsync(_profile.Profile.Tcp.Host, _profile.Profile.Tcp.Port, connect.Token);
                }
                Stream stream = client.GetStream();
                if (_profile.Profile.Tcp.UseTls)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsClientAsync(_profile.Profile.Tcp.Host);
                    stream = tls;
                }
                Connections++;
                var reading = ReadAsync(stream, ct);
                if (_options.LoginMethod.Length > 0)
                    await LoginAsync(stream, ct);
                _stream = stream;
                _connected.TrySetResult();
                failures = 0;
                await reading;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidOperationException or System.Security.Authentication.AuthenticationException)
            {
                _logger.LogWarning("监管平台长连接中断: {Reason}", e.Message);
            }
            finally
            {
                _stream = null;
                if (_connected.Task.IsCompleted)
                    _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.FailAll("连接中断");
                client?.Dispose();
            }
            failures++;
            var ceiling = Math.Min(_options.ReconnectMax.Ticks, _options.ReconnectInitial.Ticks * Math.Pow(2, Math.Min(failures - 1, 20)));
            var wait = TimeSpan.FromTicks((long)(ceiling / 2 + _random.NextDouble() * ceiling / 2));
            try
            {
                await Task.Delay(wait, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task LoginAsync(Stream stream, CancellationToken ct)
    {
        var envelope = _sign(_options.LoginMethod, $"{{\"{_profile.Fields.Wire(FieldIds.EnterpriseId)}\":\"{_options.EntCode}\"}}");
        var reply = _pending.Register(envelope.Nonce, null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_profile.Profile.Deadlines.Request);
        await WriteAsync(stream, envelope.Json, deadline.Token);
        var line = await reply.WaitAsync(deadline.Token);
        var result = ReplyClassifier.Classify(_verifier, line, _time.GetUtcNow());
        if (!result.IsAcknowledged)
            throw new IOException($"登录被拒绝：{result.Error}");
    }

    private async Task ReadAsync(Stream stream, CancellationToken ct)
    {
        var splitter = new LineSplitter(_profile.Profile.Tcp.MaxLineBytes);
        var buffer = new byte[64 * 1024];
        var silence = _profile.Profile.Deadlines.Heartbeat * Math.Max(1, _profile.Profile.Tcp.MissedHeartbeatsBeforeReconnect);
        var style = _verifier.Style;
        var recordIdWire = _profile.Fields.Wire(FieldIds.RecordId);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quiet.CancelAfter(silence);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, quiet.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new IOException($"平台 {silence.TotalSeconds:0} 秒无任何报文");
            }
            if (read == 0)
                throw new IOException("平台关闭了连接");
            foreach (var line in splitter.Feed(buffer.AsSpan(0, read)))
            {
                if (line.Text is not { } text)
                    throw new IOException(line.Error ?? "帧错误");
                if (!EnvelopeReader.TryRead(text, out var envelope, out var why))
                {
                    _logger.LogWarning("监管平台发来无法解析的报文，已忽略: {Reason}", why);
                    continue;
                }
                // An answer carries a response code; anything else the platform says on its own is a command.
                if (envelope.Get(style.ResponseCodeField) is not null)
                    _pending.TryComplete(envelope, text, style, recordIdWire);
                else
                    _pushed.Writer.TryWrite(text);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _pushed.Writer.TryComplete();
        _stop.Dispose();
    }
}

/// <summary>What the TCP link needs beyond the profile.</summary>
public sealed record TcpLinkOptions(string EntCode, string LoginMethod, TimeSpan ReconnectInitial, TimeSpan ReconnectMax);
