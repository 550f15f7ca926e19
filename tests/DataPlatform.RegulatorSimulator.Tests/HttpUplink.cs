using System.Net;
using System.Text;
using System.Text.Json;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>The enterprise's side of the baseline profile, as small as a test needs: builds signed envelopes,
/// POSTs them to the simulator over a real socket and verifies the answers with the platform's public key.</summary>
internal sealed class HttpUplink : IDisposable
{
    private readonly HttpClient _http;
    private readonly EnvelopeVerifier _platform;

    public HttpUplink(RegulatorPlatformSimulator simulator, TimeSpan? timeout = null, Rsa2Signer? signer = null, EnvelopeIdentity? identity = null)
    {
        Endpoint = simulator.HttpEndpoint;
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        Envelopes = new EnvelopeBuilder(Plant.Baseline.Profile.Envelope, identity ?? Plant.Identity, signer ?? TestKeys.Enterprise.Signer());
        Payloads = new PayloadBuilder(Plant.Baseline);
        _platform = new EnvelopeVerifier(Plant.Baseline.Profile.Envelope, Rsa2Signer.FromPublicKeyPem(simulator.PlatformPublicKeyPem));
    }

    public Uri Endpoint { get; }

    public EnvelopeBuilder Envelopes { get; }

    public PayloadBuilder Payloads { get; }

    public string Envelope(RecordKind kind, string data, DateTimeOffset? at = null) =>
        Envelopes.Build(Plant.Baseline.MethodFor(kind)!, data, at ?? DateTimeOffset.Now, Guid.NewGuid().ToString()).Json;

    public async Task<Answer> PostAsync(string json, CancellationToken ct = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Endpoint, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            return new Answer(response.StatusCode, body, null, null);
        return ResponseReader.TryRead(_platform, body, DateTimeOffset.Now, out var r, out var rejection)
            ? new Answer(response.StatusCode, body, r, null)
            : new Answer(response.StatusCode, body, null, rejection);
    }

    public Task<Answer> UploadAsync(PassageRecord record, UploadMode mode = UploadMode.RealTime, Func<string, string?>? pictures = null) =>
        PostAsync(Envelope(RecordKind.Passage, Payloads.Passage(record, mode, pictures ?? (_ => null)).Json));

    /// <summary>Uploads a picture and returns the file id the platform gave back.</summary>
    public async Task<string> UploadImageAsync(string imageId, string kind)
    {
        var answer = await PostAsync(Envelope(RecordKind.Image, Payloads.Image(new ImageUploadRecord(imageId, "owner", kind, Plant.TinyImage))));
        Assert.True(answer.Acknowledged, answer.ToString());
        Assert.True(FileIdReader.TryRead(Plant.Baseline, answer.Response!, out var fileId));
        return fileId;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An answer: the HTTP status and, for a 200, the verified response or why verification failed.</summary>
internal sealed record Answer(HttpStatusCode Status, string Body, PlatformResponse? Response, EnvelopeRejection? Rejection)
{
    public bool Acknowledged => Response?.Acknowledged == true;

    public string? Code => Response?.Code;

    public bool Duplicate => DataBool(RegulatorBridge.Envelope.PlatformMethods.DuplicateField);

    public bool DataBool(string field)
    {
        if (Response?.Data is not { } data)
            return false;
        using var document = JsonDocument.Parse(data);
        return document.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.True;
    }
}
