using DataPlatform.Processing.Consuming;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary>The ledger writers' batching settings under the alarm group id: <see cref="BatchConsumer"/> takes
/// its group from <see cref="ProcessingOptions"/>, and the alarm consumers must not join the ledger's group.</summary>
public sealed class AlarmConsumerOptions(IOptions<ProcessingOptions> processing, IOptions<AlarmOptions> alarms)
{
    public IOptions<ProcessingOptions> Batching { get; } = Options.Create(new ProcessingOptions
    {
        GroupId = alarms.Value.GroupId,
        MaxBatchSize = processing.Value.MaxBatchSize,
        MaxBatchDelayMs = processing.Value.MaxBatchDelayMs,
        RetryDelayMs = processing.Value.RetryDelayMs,
    });
}
