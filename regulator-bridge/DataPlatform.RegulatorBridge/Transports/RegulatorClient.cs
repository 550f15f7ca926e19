using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Signs a payload into an envelope (fresh nonce, current time) and sends it over the profile's transport.</summary>
public sealed class RegulatorClient(CompiledProfile profile, EnvelopeBuilder builder, IRegulatorTransport transport, TimeProvider time)
{
    public CompiledProfile Profile => profile;

    public IRegulatorTransport Transport => transport;

    public SignedEnvelope Sign(string method, string data) =>
        builder.Build(method, data, time.GetUtcNow(), Guid.NewGuid().ToString("N"));

    /// <returns>null when the profile has no method for <paramref name="kind"/>.</returns>
    public async Task<TransportReply?> SendAsync(RecordKind kind, string data, string? recordId, CancellationToken ct)
    {
        if (profile.MethodFor(kind) is not { } method)
            return null;
        return await transport.SendAsync(Sign(method, data), recordId, ct);
    }
}
