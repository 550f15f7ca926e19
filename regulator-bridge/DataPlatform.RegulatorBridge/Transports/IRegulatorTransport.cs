using System.Threading.Channels;
using DataPlatform.RegulatorBridge.Envelope;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Carries signed envelopes to the regulator's platform and brings back its verified answer. One per
/// profile transport kind; the outbox, heartbeats and command receipts all go through it.</summary>
public interface IRegulatorTransport : IAsyncDisposable
{
    /// <remarks><paramref name="recordId"/>: The record the envelope carries, for transports that match answers to
    /// records.</remarks>
    Task<TransportReply> SendAsync(SignedEnvelope envelope, string? recordId, CancellationToken ct);

    /// <summary>Messages the platform sent on its own (pushed commands); never completes for HTTPS.</summary>
    ChannelReader<string> Pushed { get; }

    /// <summary>Opens connections (TCP); nothing to do for HTTPS.</summary>
    Task StartAsync(CancellationToken ct);
}
