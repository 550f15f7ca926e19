using Confluent.Kafka;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>The one publisher of <c>ledger.records</c> in a processing host (idempotent, acks=all): typed records in,
/// written with <see cref="LedgerRecordJson"/> under their <see cref="ILedgerRecord.Key"/>. Callers await every
/// acknowledgement before they commit what the records came from.</summary>
public sealed class LedgerRecordProducer(IOptions<KafkaOptions> kafka) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer =
        new ProducerBuilder<string, byte[]>(kafka.Value.Producer("ledger-records")).Build();

    private long _sent;

    /// <summary>Records acknowledged since start.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public async Task PublishAsync(IReadOnlyCollection<ILedgerRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await Task.WhenAll(records.Select(r => _producer.ProduceAsync(Topics.LedgerRecords,
            new Message<string, byte[]> { Key = r.Key, Value = LedgerRecordJson.Write(r) }, ct)));
        Interlocked.Add(ref _sent, records.Count);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
