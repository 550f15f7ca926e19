using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>One thing a TCP device's bytes produced: a record to publish or a dead letter to keep.</summary>
public sealed record TcpOutput(IDeviceMessage? Message, DeadLetter? Rejection)
{
    public static TcpOutput Of(IDeviceMessage message) => new(message, null);

    public static TcpOutput Of(DeadLetter letter) => new(null, letter);
}
