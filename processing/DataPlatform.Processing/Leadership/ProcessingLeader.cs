using Confluent.Kafka;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Leadership;

/// <summary>
/// Elects one processing instance for the jobs that must run once per deployment (trip pairing and the trips'
/// ledger.records publishing): the instance whose member of the group <c>&lt;GroupId&gt;-leader</c> is assigned
/// partition 0 of <c>gate.raw</c> (the topic every processing instance needs anyway, so it exists wherever processing
/// runs). Kafka's group protocol does the election and the failover (a dead leader's session expires, the partition
/// moves). The partitions are paused at once — this member only holds them, it reads nothing — and polled so the
/// member stays in the group.
/// </summary>
public sealed class ProcessingLeader(
    IOptions<KafkaOptions> kafka, IOptions<ProcessingOptions> options, ILogger<ProcessingLeader> logger) : BackgroundService
{
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken ct)
    {
        var groupId = options.Value.GroupId + "-leader";
        using var consumer = new ConsumerBuilder<string, byte[]>(kafka.Value.Consumer(groupId, $"{groupId}-{Environment.ProcessId}"))
            .SetErrorHandler((_, e) => logger.LogDebug("Kafka leader-election consumer error: {Reason}", e.Reason))
            .SetPartitionsAssignedHandler((c, assigned) => Update(assigned))
            .SetPartitionsRevokedHandler((c, revoked) => { _isLeader = false; })
            .SetPartitionsLostHandler((c, lost) => { _isLeader = false; })
            .Build();
        consumer.Subscribe(Topics.GateRaw);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Assignment.Count > 0) consumer.Pause(consumer.Assignment);
                    consumer.Consume(TimeSpan.FromMilliseconds(200));
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    ct.WaitHandle.WaitOne(500);
                }
                catch (KafkaException ex) when (!ex.Error.IsFatal)
                {
                    ct.WaitHandle.WaitOne(500);
                }
            }
        }
        finally
        {
            _isLeader = false;
            consumer.Close();
        }
    }

    private void Update(List<TopicPartition> assigned)
    {
        var leader = assigned.Any(p => p.Partition.Value == 0);
        if (leader != _isLeader)
            logger.LogInformation(leader ? "This processing instance leads the trips job" : "Another processing instance leads the trips job");
        _isLeader = leader;
    }
}
