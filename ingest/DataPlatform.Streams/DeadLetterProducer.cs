namespace DataPlatform.Streams;

/// <summary>Sends rejected payloads to <see cref="Topics.DeadLetter"/>, keyed by stage, and waits for the broker's ack.</summary>
public sealed class DeadLetterProducer(SharedProducer producer)
{
    public Task SendAsync(DeadLetter letter, CancellationToken ct) =>
        producer.ProduceAsync(Topics.DeadLetter, letter.Stage, letter.ToJson(), ct);
}
