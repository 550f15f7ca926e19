using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class OutboxProperties
{
    private static readonly BackoffPolicy Backoff = new() { Initial = TimeSpan.FromSeconds(2), Max = TimeSpan.FromMinutes(10) };

    [Property(MaxTest = 500)]
    public Property Backoff_is_always_within_its_bounds_and_the_bounds_never_decrease() =>
        Prop.ForAll(
            (from attempt in Gen.Choose(1, 80) from seed in Gen.Choose(0, 100_000) from multiplier in Gen.Elements(1.0, 1.5, 2.0, 3.0) select (attempt, seed, multiplier)).ToArbitrary(),
            c =>
            {
                var policy = new BackoffPolicy { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromMinutes(15), Multiplier = c.multiplier };
                var delay = policy.Delay(c.attempt, new Random(c.seed));
                Assert.InRange(delay, policy.Floor(c.attempt), policy.Ceiling(c.attempt));
                Assert.InRange(delay, TimeSpan.FromSeconds(0.5), policy.Max);
                Assert.True(policy.Ceiling(c.attempt + 1) >= policy.Ceiling(c.attempt));
                Assert.True(policy.Floor(c.attempt + 1) >= policy.Floor(c.attempt));
            });

    [Fact]
    public void Backoff_mean_does_not_decrease_with_attempts_and_jitter_actually_spreads()
    {
        var random = new Random(42);
        double previous = 0;
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            var samples = Enumerable.Range(0, 400).Select(_ => Backoff.Delay(attempt, random).TotalSeconds).ToList();
            var mean = samples.Average();
            // Sample noise is far below the doubling step until the cap, and equal at the cap.
            Assert.True(mean >= previous * 0.97, $"attempt {attempt}: mean {mean:0.00}s < previous {previous:0.00}s");
            Assert.True(samples.Max() - samples.Min() > Backoff.Ceiling(attempt).TotalSeconds * 0.3, "no jitter");
            previous = mean;
        }
        Assert.Equal(Backoff.Max, Backoff.Ceiling(1000));
    }

    public sealed record Rounds(double Share, int Capacity, int RoundCount, int Seed);

    [Property(MaxTest = 300)]
    public Property The_scheduler_never_starves_either_queue_and_backfills_in_order() =>
        Prop.ForAll(
            (from share in Gen.Elements(0.05, 0.1, 0.25, 0.5, 0.75, 0.9)
             from capacity in Gen.Choose(1, 5)
             from rounds in Gen.Choose(1, 60)
             from seed in Gen.Choose(0, 10_000)
             select new Rounds(share, capacity, rounds, seed)).ToArbitrary(),
            c =>
            {
                var scheduler = new UploadScheduler(new SchedulerOptions { BackfillShare = c.Share });
                var random = new Random(c.Seed);
                // A 24-hour outage backlog plus a steady stream of fresh records, more than capacity each round.
                var backlog = Enumerable.Range(0, 400)
                    .Select(i => OutboxEntry.New($"old-{i:D4}", RecordKind.Passage, "G01", Now.AddHours(-24).AddMinutes(i * 3 + random.Next(3)), TimeSpan.FromSeconds(60)))
                    .ToList();
                var sentBacklog = new List<OutboxEntry>();
                int realTimeSent = 0, contested = 0, backlogSent = 0;
                for (var round = 0; round < c.RoundCount; round++)
                {
                    var now = Now.AddSeconds(round);
                    var fresh = Enumerable.Range(0, c.Capacity + 1)
                        .Select(i => OutboxEntry.New($"new-{round}-{i}", RecordKind.Passage, "G01", now, TimeSpan.FromSeconds(60)));
                    var plan = scheduler.Plan(backlog.Concat(fresh), now, c.Capacity);
                    Assert.Equal(c.Capacity, plan.Count);
                    foreach (var entry in plan)
                    {
                        contested++;
                        if (UploadScheduler.Classify(entry, now) == QueueKind.Backlog)
                        {
                            backlogSent++;
                            sentBacklog.Add(entry);
                            backlog.Remove(entry);
                        }
                        else
                        {
                            realTimeSent++;
                        }
                    }
                }
                Assert.InRange(backlogSent, (int)Math.Floor(contested * c.Share) - 1, (int)Math.Ceiling(contested * c.Share) + 1);
                Assert.Equal(contested - backlogSent, realTimeSent);
                if (contested >= 1 / c.Share + 1)
                    Assert.True(backlogSent > 0, "backlog starved");
                if (contested >= 1 / (1 - c.Share) + 1)
                    Assert.True(realTimeSent > 0, "real-time starved");
                Assert.Equal(sentBacklog.OrderBy(e => e.GeneratedAt).Select(e => e.RecordId), sentBacklog.Select(e => e.RecordId));
            });

    [Fact]
    public void An_uncontested_queue_gets_all_capacity_and_no_credit_is_banked()
    {
        var scheduler = new UploadScheduler(new SchedulerOptions { BackfillShare = 0.25 });
        var old = Enumerable.Range(0, 10).Select(i => OutboxEntry.New($"old-{i}", RecordKind.Passage, "G01", Now.AddHours(-1).AddSeconds(i), TimeSpan.FromSeconds(60))).ToList();
        Assert.Equal(5, scheduler.Plan(old, Now, 5).Count);
        var fresh = Enumerable.Range(0, 10).Select(i => OutboxEntry.New($"new-{i}", RecordKind.Passage, "G01", Now, TimeSpan.FromSeconds(60))).ToList();
        var plan = scheduler.Plan(old.Concat(fresh), Now, 4);
        Assert.Equal(3, plan.Count(e => e.RecordId.StartsWith("new", StringComparison.Ordinal)));
    }

    [Fact]
    public void State_machine_walks_pending_inflight_retry_acknowledged_and_logs_the_mode()
    {
        var random = new Random(1);
        var entry = OutboxEntry.New("E1302001-P-1", RecordKind.Passage, "G01", Now, TimeSpan.FromSeconds(60));
        Assert.True(entry.IsReady(Now));
        entry = OutboxMachine.Start(entry, Now.AddSeconds(1), platformDown: false);
        Assert.Equal((UploadState.InFlight, 1, UploadMode.RealTime), (entry.State, entry.Attempts, entry.Mode));
        Assert.Throws<InvalidOperationException>(() => OutboxMachine.Start(entry, Now.AddSeconds(2), false));

        entry = OutboxMachine.Fail(entry, Now.AddSeconds(11), FailureKind.Transient, "HTTP 503", Backoff, random);
        Assert.Equal(UploadState.RetryWait, entry.State);
        Assert.InRange(entry.NextAttemptAt!.Value, Now.AddSeconds(12), Now.AddSeconds(13));
        Assert.False(entry.IsReady(Now.AddSeconds(11.5)));

        // The retry happens after the deadline, but the mode decided at the first attempt sticks.
        entry = OutboxMachine.Start(entry, Now.AddSeconds(90), platformDown: true);
        Assert.Equal((2, UploadMode.RealTime), (entry.Attempts, entry.Mode));
        entry = OutboxMachine.Acknowledge(entry, Now.AddSeconds(91));
        Assert.Equal(UploadState.Acknowledged, entry.State);
        Assert.Same(entry, OutboxMachine.Acknowledge(entry, Now.AddSeconds(95)));
    }

    [Fact]
    public void Permanent_refusals_fail_and_operators_can_requeue_them()
    {
        var entry = OutboxMachine.Start(OutboxEntry.New("r", RecordKind.Passage, "G01", Now, TimeSpan.FromSeconds(60)), Now, false);
        entry = OutboxMachine.Fail(entry, Now, FailureKind.Permanent, "字段 vin 格式错误", Backoff, new Random(1));
        Assert.Equal(UploadState.Failed, entry.State);
        Assert.Equal("字段 vin 格式错误", entry.LastError);
        Assert.False(entry.IsReady(Now.AddDays(1)));
        entry = OutboxMachine.Requeue(entry);
        Assert.Equal(UploadState.Pending, entry.State);
        Assert.Throws<InvalidOperationException>(() => OutboxMachine.Requeue(entry));
        Assert.Throws<InvalidOperationException>(() => OutboxMachine.Acknowledge(entry with { Attempts = 0, State = UploadState.Pending }, Now));
    }

    [Fact]
    public void Out_of_attempts_fails_and_a_crash_in_flight_is_retried_at_once()
    {
        var limited = new BackoffPolicy { MaxAttempts = 1 };
        var entry = OutboxMachine.Start(OutboxEntry.New("r", RecordKind.Passage, "G01", Now, TimeSpan.FromSeconds(60)), Now, false);
        Assert.Equal(UploadState.Failed, OutboxMachine.Fail(entry, Now, FailureKind.Transient, "timeout", limited, new Random(1)).State);
        var recovered = OutboxMachine.RecoverAfterRestart(entry, Now.AddMinutes(5));
        Assert.True(recovered.IsReady(Now.AddMinutes(5)));
        Assert.Equal(UploadState.Acknowledged, OutboxMachine.Acknowledge(recovered, Now.AddMinutes(6)).State);
    }

    [Theory]
    [InlineData(30, false, UploadMode.RealTime)]
    [InlineData(60, false, UploadMode.RealTime)]
    [InlineData(61, false, UploadMode.Backfill)]
    [InlineData(5, true, UploadMode.Backfill)]
    public void First_attempt_after_the_deadline_or_while_the_platform_is_down_is_a_backfill(int secondsAfterGeneration, bool platformDown, UploadMode expected)
    {
        var entry = OutboxEntry.New("r", RecordKind.Passage, "G01", Now, TimeSpan.FromSeconds(60));
        Assert.Equal(expected, OutboxMachine.Start(entry, Now.AddSeconds(secondsAfterGeneration), platformDown).Mode);
    }

    [Fact]
    public void Circuit_opens_after_consecutive_failures_probes_once_and_closes_on_success()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions { FailureThreshold = 3, OpenDuration = TimeSpan.FromSeconds(30) });
        breaker.OnFailure(Now);
        breaker.OnFailure(Now.AddSeconds(1));
        breaker.OnSuccess();
        breaker.OnFailure(Now.AddSeconds(2));
        breaker.OnFailure(Now.AddSeconds(3));
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.OnFailure(Now.AddSeconds(4));
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(breaker.IsPlatformDown);
        Assert.Equal(Now.AddSeconds(2), breaker.DownSince);
        Assert.False(breaker.TryAcquire(Now.AddSeconds(20)));
        Assert.Equal(0, breaker.Capacity(Now.AddSeconds(20), 8));

        Assert.Equal(1, breaker.Capacity(Now.AddSeconds(34), 8));
        Assert.True(breaker.TryAcquire(Now.AddSeconds(34)));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryAcquire(Now.AddSeconds(35)));
        breaker.OnFailure(Now.AddSeconds(36));
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryAcquire(Now.AddSeconds(50)));
        Assert.True(breaker.TryAcquire(Now.AddSeconds(66)));
        breaker.OnSuccess();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Null(breaker.DownSince);
        Assert.Equal(8, breaker.Capacity(Now.AddSeconds(67), 8));
    }
}
