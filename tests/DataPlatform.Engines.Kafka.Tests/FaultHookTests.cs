using System.Diagnostics;
using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Tests;

public sealed class FaultHookTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly EmbeddedKafka _kafka = cluster.Kafka;

    [Fact]
    public async Task Deliveries_fail_while_the_brokers_are_down_and_succeed_once_they_are_up()
    {
        _kafka.CreateTopic("outage", 1);
        using var producer = Clients.Producer(_kafka, c => c.MessageTimeoutMs = 2000);
        await Produce(producer, "outage", "before");

        _kafka.SetBrokerDown(EmbeddedKafka.AllBrokers, down: true);
        try
        {
            var error = await Assert.ThrowsAsync<ProduceException<string, string>>(() => Produce(producer, "outage", "during"));
            Assert.Equal(ErrorCode.Local_MsgTimedOut, error.Error.Code);
        }
        finally
        {
            _kafka.SetBrokerDown(EmbeddedKafka.AllBrokers, down: false);
        }

        using var recovered = Clients.Producer(_kafka, c => c.MessageTimeoutMs = 20_000);
        Assert.Equal(PersistenceStatus.Persisted, (await Produce(recovered, "outage", "after")).Status);
    }

    [Fact]
    public async Task Rtt_delays_every_round_trip()
    {
        _kafka.CreateTopic("slow", 1);
        _kafka.SetPartitionLeader("slow", 0, 2);
        using var producer = Clients.Producer(_kafka);
        await Produce(producer, "slow", "warm-up");

        _kafka.SetRtt(2, TimeSpan.FromMilliseconds(600));
        try
        {
            var clock = Stopwatch.StartNew();
            await Produce(producer, "slow", "delayed");
            Assert.True(clock.ElapsedMilliseconds >= 550, $"took only {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            _kafka.SetRtt(2, TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Pushed_request_errors_fail_the_next_requests_only()
    {
        _kafka.CreateTopic("denied", 1);
        using var producer = Clients.Producer(_kafka);
        await Produce(producer, "denied", "warm-up");

        // Not retriable and scoped to the request, so the client reports it without tainting the topic.
        _kafka.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.MsgSizeTooLarge);
        var error = await Assert.ThrowsAsync<ProduceException<string, string>>(() => Produce(producer, "denied", "rejected"));
        Assert.Equal(ErrorCode.MsgSizeTooLarge, error.Error.Code);

        Assert.Equal(PersistenceStatus.Persisted, (await Produce(producer, "denied", "accepted")).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-2)]
    public void Unknown_broker_ids_are_rejected(int brokerId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _kafka.SetBrokerDown(brokerId, true));

    private static Task<DeliveryResult<string, string>> Produce(IProducer<string, string> producer, string topic, string value) =>
        producer.ProduceAsync(topic, new Message<string, string> { Key = value, Value = value });
}
