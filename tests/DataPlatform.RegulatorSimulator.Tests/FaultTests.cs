using System.Diagnostics;
using System.Net;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>Every fault kind, on both sides of the store, as the client sees it and as the store holds it; then
/// a fresh retry of the same record id, which must leave the record stored exactly once.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private static DateTimeOffset Now => DateTimeOffset.Now;

    private static FaultPlan Once(FaultKind kind, FaultStage stage, TimeSpan? delay = null) =>
        new() { Rules = [new FaultRule { Kind = kind, Probability = 1, Limit = 1, Stage = stage, Delay = delay, Code = kind == FaultKind.Refusal ? "2107" : "" }] };

    [Theory]
    [InlineData(FaultKind.Refusal, FaultStage.BeforeStore)]
    [InlineData(FaultKind.Refusal, FaultStage.AfterStore)]
    [InlineData(FaultKind.ServerError, FaultStage.BeforeStore)]
    [InlineData(FaultKind.ServerError, FaultStage.AfterStore)]
    [InlineData(FaultKind.Timeout, FaultStage.BeforeStore)]
    [InlineData(FaultKind.Timeout, FaultStage.AfterStore)]
    [InlineData(FaultKind.SlowResponse, FaultStage.BeforeStore)]
    [InlineData(FaultKind.SlowResponse, FaultStage.AfterStore)]
    [InlineData(FaultKind.DropConnection, FaultStage.BeforeStore)]
    [InlineData(FaultKind.DropConnection, FaultStage.AfterStore)]
    [InlineData(FaultKind.DuplicateAck, FaultStage.AfterStore)]
    [InlineData(FaultKind.LostAck, FaultStage.AfterStore)]
    [InlineData(FaultKind.BadResponseSignature, FaultStage.BeforeStore)]
    [InlineData(FaultKind.BadResponseSignature, FaultStage.AfterStore)]
    public async Task Http_fault_is_seen_by_the_client_and_a_retry_leaves_the_record_stored_once(FaultKind kind, FaultStage stage)
    {
        var delay = kind == FaultKind.Timeout ? TimeSpan.FromSeconds(30) : Short;
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(Once(kind, stage, delay)));
        // Only the timeout case needs a client that gives up quickly; the others get a margin for a busy machine.
        using var uplink = new HttpUplink(sim, timeout: TimeSpan.FromSeconds(kind == FaultKind.Timeout ? 1 : 10));
        var record = Plant.Passage("f1", Now);

        var clock = Stopwatch.StartNew();
        Answer? answer = null;
        Exception? failure = null;
        try
        {
            answer = await uplink.UploadAsync(record);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            failure = e;
        }
        clock.Stop();

        switch (kind)
        {
            case FaultKind.Refusal:
                Assert.Equal("2107", answer!.Code);
                Assert.False(answer.Acknowledged);
                break;
            case FaultKind.ServerError:
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer!.Status);
                break;
            case FaultKind.Timeout:
                Assert.IsType<TaskCanceledException>(failure);
                break;
            case FaultKind.SlowResponse:
                Assert.True(answer!.Acknowledged);
                Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
                break;
            case FaultKind.DropConnection or FaultKind.LostAck:
                Assert.IsType<HttpRequestException>(failure);
                break;
            case FaultKind.DuplicateAck:
                Assert.True(answer!.Acknowledged);
                Assert.True(answer.Duplicate, "a first-seen record acknowledged as a duplicate");
                break;
            case FaultKind.BadResponseSignature:
                Assert.Null(answer!.Response);
                Assert.Equal(EnvelopeRejectionReason.BadSignature, answer.Rejection?.Reason);
                break;
        }

        var storedAfterFault = sim.Store.TryGet(record.RecordId, out var held);
        var shouldBeStored = stage == FaultStage.AfterStore || kind == FaultKind.SlowResponse;
        Assert.Equal(shouldBeStored, storedAfterFault);
        var clientSawAck = kind is FaultKind.SlowResponse or FaultKind.DuplicateAck;
        if (storedAfterFault)
            Assert.Equal(clientSawAck, held!.AcknowledgedAt is not null);
        Assert.Equal(kind.ToString(), Assert.Single(sim.Store.Stats().FaultsInjected).Key);

        var retry = await uplink.UploadAsync(record);
        Assert.True(retry.Acknowledged, retry.ToString());
        Assert.Equal(storedAfterFault, retry.Duplicate);
        Assert.Equal(1, sim.Store.Count());
        Assert.True(sim.Store.TryGet(record.RecordId, out var final));
        Assert.NotNull(final.AcknowledgedAt);
        var stats = sim.Store.Stats();
        Assert.Equal(2, stats.Attempts);
        Assert.Equal(stats.Attempts, stats.Accepted + stats.DuplicatesDropped + stats.RefusedTotal + stats.FailedBeforeStore + stats.NotRecords);
    }

    [Theory]
    [InlineData(FaultKind.Refusal, FaultStage.BeforeStore)]
    [InlineData(FaultKind.ServerError, FaultStage.AfterStore)]
    [InlineData(FaultKind.Timeout, FaultStage.BeforeStore)]
    [InlineData(FaultKind.DropConnection, FaultStage.AfterStore)]
    [InlineData(FaultKind.DuplicateAck, FaultStage.AfterStore)]
    [InlineData(FaultKind.LostAck, FaultStage.AfterStore)]
    [InlineData(FaultKind.BadResponseSignature, FaultStage.AfterStore)]
    public async Task Tcp_fault_is_seen_on_the_link(FaultKind kind, FaultStage stage)
    {
        var plan = Once(kind, stage, TimeSpan.FromSeconds(30));
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(plan));
        await using var link = await TcpUplink.ConnectAsync(sim);
        var record = Plant.Passage("tf1", Now);
        var upload = await link.UploadAsync(record);

        // Silence is asserted over a short wait; a closed link ends the wait at once.
        var line = await link.NextAsync(kind is FaultKind.Timeout or FaultKind.LostAck ? Short : null);
        await WaitUntil(() => sim.Store.Stats().Attempts == 1);
        switch (kind)
        {
            case FaultKind.Refusal:
                Assert.Contains("\"code\":\"2107\"", line);
                break;
            case FaultKind.ServerError:
                Assert.Contains($"\"code\":\"{PlatformCodes.InternalError}\"", line);
                break;
            case FaultKind.Timeout or FaultKind.LostAck:
                Assert.Null(line);
                Assert.False(link.Closed);
                break;
            case FaultKind.DropConnection:
                Assert.Null(line);
                Assert.True(link.Closed);
                break;
            case FaultKind.DuplicateAck:
                Assert.Contains(upload.Nonce, line);
                Assert.Equal(line, await link.NextAsync());
                break;
            case FaultKind.BadResponseSignature:
                var verifier = new EnvelopeVerifier(Plant.Hebei.Profile.Envelope, RegulatorBridge.Signing.Rsa2Signer.FromPublicKeyPem(sim.PlatformPublicKeyPem));
                Assert.Equal(EnvelopeRejectionReason.BadSignature, verifier.VerifyResponse(line, Now).Rejection?.Reason);
                break;
        }
        Assert.Equal(stage == FaultStage.AfterStore, sim.Store.TryGet(record.RecordId, out var held));
        if (held is not null)
            Assert.Equal(kind == FaultKind.DuplicateAck, held.AcknowledgedAt is not null);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task Faults_set_at_run_time_replace_the_plan_and_limit_to_kinds()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        sim.SetFaults(new FaultPlan { Rules = [new FaultRule { Kind = FaultKind.Refusal, Probability = 1, Kinds = [RegulatorBridge.Profiles.RecordKind.Heartbeat] }] });

        var passage = await uplink.UploadAsync(Plant.Passage("k1", Now));
        var heartbeat = await uplink.PostAsync(uplink.Envelope(RegulatorBridge.Profiles.RecordKind.Heartbeat, uplink.Payloads.Heartbeat(new HeartbeatRecord(Now, []))));

        Assert.True(passage.Acknowledged);
        Assert.Equal(PlatformCodes.BusinessRefusal, heartbeat.Code);
        sim.SetFaults(FaultPlan.None);
        Assert.True((await uplink.PostAsync(uplink.Envelope(RegulatorBridge.Profiles.RecordKind.Heartbeat, uplink.Payloads.Heartbeat(new HeartbeatRecord(Now, []))))).Acknowledged);
        Assert.Empty(sim.Faults.Rules);
        Assert.Equal(1, sim.Store.Stats().FailedBeforeStore);
        Assert.Equal(AttemptResult.FailedBeforeStore, sim.Store.Attempts()[1].Result);
    }
}
