using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Framing;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>The enterprise's side of the Hebei-style link: one TcpClient, lines out, every line in collected by a
/// background reader.</summary>
internal sealed class TcpUplink : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly Task _reading;
    private readonly EnvelopeVerifier _platform;

    private TcpUplink(TcpClient client, string platformPublicPem)
    {
        _client = client;
        _stream = client.GetStream();
        Envelopes = new EnvelopeBuilder(Plant.Hebei.Profile.Envelope, Plant.Identity, TestKeys.Enterprise.Signer());
        Payloads = new PayloadBuilder(Plant.Hebei);
        _platform = new EnvelopeVerifier(Plant.Hebei.Profile.Envelope, Rsa2Signer.FromPublicKeyPem(platformPublicPem));
        _reading = ReadAsync();
    }

    public EnvelopeBuilder Envelopes { get; }

    public PayloadBuilder Payloads { get; }

    /// <summary>Set once the platform closed the connection.</summary>
    public bool Closed { get; private set; }

    public static async Task<TcpUplink> ConnectAsync(RegulatorPlatformSimulator simulator)
    {
        var client = new TcpClient();
        await client.ConnectAsync(simulator.TcpEndpoint);
        return new TcpUplink(client, simulator.PlatformPublicKeyPem);
    }

    public SignedEnvelope Envelope(string method, string data) =>
        Envelopes.Build(method, data, DateTimeOffset.Now, Guid.NewGuid().ToString());

    public async Task<SignedEnvelope> SendAsync(string method, string data)
    {
        var envelope = Envelope(method, data);
        await SendRawAsync(envelope.Json);
        return envelope;
    }

    public Task<SignedEnvelope> LoginAsync() => SendAsync(PlatformMethods.Login, "{}");

    public Task<SignedEnvelope> UploadAsync(PassageRecord record, UploadMode mode = UploadMode.RealTime) =>
        SendAsync(Plant.Hebei.MethodFor(RecordKind.Passage)!, Payloads.Passage(record, mode, _ => Plant.TinyImage).Json);

    public async Task SendRawAsync(string json) => await _stream.WriteAsync(JsonLines.Frame(json));

    /// <summary>The next line from the platform, or null when none comes within the wait.</summary>
    public async Task<string?> NextAsync(TimeSpan? wait = null)
    {
        using var cts = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
        try
        {
            return await _incoming.Reader.ReadAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The next line, verified as an answer with the platform key.</summary>
    public async Task<(PlatformResponse Response, ReceivedEnvelope Envelope)> NextAckAsync()
    {
        var line = await NextAsync() ?? throw new Xunit.Sdk.XunitException("no ack from the platform");
        Assert.True(ResponseReader.TryRead(_platform, line, DateTimeOffset.Now, out var response, out var rejection), rejection?.ToString());
        Assert.True(EnvelopeReader.TryRead(line, out var envelope, out _));
        Assert.Equal(PlatformMethods.Ack, envelope.Get("method"));
        return (response, envelope);
    }

    private async Task ReadAsync()
    {
        var splitter = new LineSplitter(8 * 1024 * 1024);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await _stream.ReadAsync(buffer);
                if (n == 0)
                    break;
                foreach (var line in splitter.Feed(buffer.AsSpan(0, n)))
                    if (line.Text is { } text)
                        _incoming.Writer.TryWrite(text);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
        Closed = true;
        _incoming.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reading;
    }
}
