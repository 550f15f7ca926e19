using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Transports;

namespace DataPlatform.RegulatorBridge.Hosting;

/// <summary>What every part of the bridge shares: the compiled profile, the keys in their roles, the client on the
/// profile's transport, and a gate that opens once the schema is in place and the outbox is loaded.</summary>
public sealed class BridgeContext(CompiledProfile profile, RegulatorClient client, EnvelopeVerifier verifier, string entCode)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CompiledProfile Profile => profile;

    public RegulatorClient Client => client;

    public EnvelopeVerifier Verifier => verifier;

    public string EntCode => entCode;

    public PayloadBuilder Payloads { get; } = new(profile);

    /// <summary>Completes when the bridge may read and write its tables.</summary>
    public Task Ready => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();

    public void MarkFailed(Exception e) => _ready.TrySetException(e);
}
