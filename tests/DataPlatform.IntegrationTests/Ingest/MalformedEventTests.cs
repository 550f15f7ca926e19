using System.Net;
using System.Text;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Ingest;

[Collection(EnginesCollection.Name)]
public sealed class MalformedEventTests(EnginesFixture engines)
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "{\"eventId\": \"cut off", "bad_json" },
        { GateEvents.Json("m-1", type: "W99"), "unknown_code" },
        { GateEvents.Json("m-2", color: "purple"), "unknown_code" },
        { GateEvents.Json("m-3", plate: "京I12345"), "invalid_plate" },
        { GateEvents.Json("m-4", plate: "京A1234"), "invalid_plate" },
        { GateEvents.Json("m-5").Replace("\"direction\":1", "\"direction\":7"), "unknown_code" },
        { GateEvents.Json("m-6").Replace("\"gateId\":\"G01\",", ""), "missing_field" },
        { GateEvents.Json("m-7", passTime: "2026-11-28 09:15:30"), "invalid_time" },
        { "{\"eventId\":\"m-8\",\"pad\":\"" + new string('x', 70_000) + "\"}", "too_large" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Is_refused_with_a_reason_kept_as_a_dead_letter_and_loses_nothing_else(string body, string expectedCode)
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.All);
        using var http = new HttpClient();
        var ingest = TestPlatform.IngestUri(host);

        var response = await GateEvents.PostAsync(http, ingest, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, reason, rejectionId) = await GateEvents.RejectionAsync(response);
        Assert.Equal(expectedCode, code);
        Assert.False(string.IsNullOrWhiteSpace(reason));

        // A valid event right behind it still makes it into the ledger.
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("ok-1"))).StatusCode);

        var letter = ReadDeadLetter(platform, rejectionId);
        Assert.Equal(expectedCode, letter.ReasonCode);
        Assert.Equal("ingest", letter.Stage);
        var sent = Encoding.UTF8.GetBytes(body);
        Assert.Equal(sent.AsSpan(0, Math.Min(sent.Length, 64 * 1024)).ToArray(), letter.Payload);

        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM rejected_payloads WHERE rejection_id = '{rejectionId}' AND reason_code = '{expectedCode}'", 1));
    }

    private static DeadLetter ReadDeadLetter(TestPlatform platform, Guid id)
    {
        var config = platform.Kafka.CreateConsumerConfig("test-" + Guid.NewGuid());
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(Topics.DeadLetter);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is null) continue;
            var letter = DeadLetter.FromJson(result.Message.Value);
            if (letter.Id == id) return letter;
        }
        throw new Xunit.Sdk.XunitException($"dead letter {id} not found on {Topics.DeadLetter}");
    }
}
