using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using DataPlatform.Ingest.Http;

namespace DataPlatform.Simulation;

/// <summary>Drives an ingest deployment over its real protocols, as a plant's devices would: camera pushes over
/// HTTP (as the lane's registered camera, with <paramref name="deviceToken"/> when the deployment requires
/// credentials), given a <paramref name="weighbridge"/> link, indicator frames over TCP, and in the day mode, given the
/// lanes' <paramref name="tagReaders"/>, the tag reads of tagged vehicles just before their camera events. (The stream
/// mode sends none: it compresses a lane's passages into fractions of a second, where no reader could tell trucks
/// apart, so its tag reads would join other trucks' passages.)</summary>
public sealed class GateTrafficSimulator(HttpClient http, Uri ingestBase, string? deviceToken = null, WeighbridgeLink? weighbridge = null,
    ETagReaderLinks? tagReaders = null)
{
    private readonly SemaphoreSlim _scale = new(1, 1);
    private int _valid, _duplicates, _malformed, _misreads, _accepted, _rejected, _failed, _weighings, _secondReads;
    private int _readings, _readingDuplicates, _readingsMalformed, _readingsAccepted, _readingsRejected, _tagReads;

    /// <summary>Stream mode: sends <paramref name="count"/> pushes (or until cancelled when null) at about
    /// <paramref name="eventsPerSecond"/> (unthrottled when 0), <paramref name="concurrency"/> at a time, captured
    /// "now"; passages that cross the weighbridge are weighed over the link when there is one, and with a device
    /// token the gate's opacity meter sends its readings of entering diesel trucks.</summary>
    public async Task<SimulationReport> RunAsync(SimulationProfile profile, int seed, int? count, double eventsPerSecond,
        int concurrency, IProgress<SimulationReport>? progress, CancellationToken ct)
    {
        var generator = new GateEventGenerator(profile, seed);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var i = 0; (count is null || i < count) && !ct.IsCancellationRequested; i++)
        {
            if (eventsPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds(i / eventsPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            await SendBoundedAsync(inFlight, generator.Next(started + clock.Elapsed) with { TagRead = null }, concurrency, weigh: true);
            if (i % 1000 == 999) progress?.Report(Report(clock.Elapsed));
        }
        await Task.WhenAll(inFlight);
        return Report(clock.Elapsed);
    }

    /// <summary>Day mode, time-compressed: sends a planned day unthrottled, pushes in their send order (a camera's
    /// backlog after an outage arrives late, with its capture times) and the weighings one after the other on
    /// the weighbridge line, which is cut and re-established for each of its outages.</summary>
    public async Task<SimulationReport> RunTrafficAsync(SimulatedTraffic traffic, int concurrency, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var scale = weighbridge is null ? Task.CompletedTask : WeighDayAsync(traffic, weighbridge, ct);
        var inFlight = new List<Task>();
        // The opacity meters push on their own, interleaved with the cameras by send time.
        foreach (var push in traffic.Pushes.Concat(traffic.Readings).OrderBy(p => p.SendAt))
        {
            if (ct.IsCancellationRequested) break;
            await SendBoundedAsync(inFlight, push, concurrency, weigh: false);
        }
        await Task.WhenAll(inFlight);
        await scale;
        return Report(clock.Elapsed);
    }

    private SimulationReport Report(TimeSpan elapsed) =>
        new(_valid, _duplicates, _malformed, _accepted, _rejected, _failed, elapsed)
        {
            Misreads = _misreads, Weighings = _weighings, WeighbridgeConnects = weighbridge?.Connects ?? 0, SecondCameraReads = _secondReads,
            Readings = _readings, ReadingDuplicates = _readingDuplicates, ReadingsMalformed = _readingsMalformed,
            ReadingsAccepted = _readingsAccepted, ReadingsRejected = _readingsRejected, TagReads = _tagReads,
        };

    private async Task WeighDayAsync(SimulatedTraffic traffic, WeighbridgeLink link, CancellationToken ct)
    {
        var outages = new Queue<SimulatedOutage>(traffic.Outages.Where(o => o.DeviceId == SimulatedPlant.WeighbridgeId).OrderBy(o => o.From));
        foreach (var weighing in traffic.Weighings)
        {
            // Every outage that began since the last weighing cuts the line once (a no-op before the first).
            var cut = false;
            while (outages.TryPeek(out var outage) && outage.From <= weighing.At)
            {
                outages.Dequeue();
                cut = true;
            }
            if (cut) await link.DisconnectAsync(ct);
            await link.WeighAsync(weighing, ct);
            Interlocked.Increment(ref _weighings);
        }
        await link.DisconnectAsync(ct);
    }

    private static readonly string OpacityPathPrefix = EmissionEndpoints.OpacityPath[..EmissionEndpoints.OpacityPath.IndexOf('{', StringComparison.Ordinal)];

    // Posted to an opacity meter's endpoint; passages and work-area sightings are counted as traffic.
    private static bool IsReading(SimulatedPush push) => push.Path.StartsWith(OpacityPathPrefix, StringComparison.Ordinal);

    private async Task SendBoundedAsync(List<Task> inFlight, SimulatedPush push, int concurrency, bool weigh)
    {
        _ = (IsReading(push), push.Kind) switch
        {
            (false, SimulatedPushKind.Valid) => Interlocked.Increment(ref _valid),
            (false, SimulatedPushKind.Duplicate) => Interlocked.Increment(ref _duplicates),
            (false, _) => Interlocked.Increment(ref _malformed),
            (true, SimulatedPushKind.Valid) => Interlocked.Increment(ref _readings),
            (true, SimulatedPushKind.Duplicate) => Interlocked.Increment(ref _readingDuplicates),
            (true, _) => Interlocked.Increment(ref _readingsMalformed),
        };
        if (push is { Kind: SimulatedPushKind.Valid, Misread: true }) Interlocked.Increment(ref _misreads);
        if (push.SecondCamera) Interlocked.Increment(ref _secondReads);
        // Opacity meters exist only where devices are registered (a token is given): an open deployment has none.
        inFlight.Add(SendAsync(push, weigh ? push.Weighing : null, weigh && deviceToken is not null ? push.Reading : null));
        if (inFlight.Count >= Math.Max(1, concurrency))
        {
            await Task.WhenAny(inFlight);
            inFlight.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task SendAsync(SimulatedPush push, SimulatedWeighing? weighing, SimulatedPush? reading = null)
    {
        if (push.TagRead is { } tag && tagReaders is not null && tagReaders.Has(tag.ReaderId))
        {
            try
            {
                await tagReaders.SendAsync(tag, CancellationToken.None);
                Interlocked.Increment(ref _tagReads);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingestBase, push.Path)) { Content = new ByteArrayContent(push.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (push.DeviceId.Length > 0) request.Headers.Add(DevicePushes.DeviceIdHeader, push.DeviceId);
            if (deviceToken is not null) request.Headers.Add(DevicePushes.DeviceTokenHeader, deviceToken);
            using var response = await http.SendAsync(request, CancellationToken.None);
            _ = (IsReading(push), response.StatusCode) switch
            {
                (false, HttpStatusCode.Accepted) => Interlocked.Increment(ref _accepted),
                (false, HttpStatusCode.BadRequest) => Interlocked.Increment(ref _rejected),
                (true, HttpStatusCode.Accepted) => Interlocked.Increment(ref _readingsAccepted),
                (true, HttpStatusCode.BadRequest) => Interlocked.Increment(ref _readingsRejected),
                _ => Interlocked.Increment(ref _failed),
            };
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        if (weighing is not null && weighbridge is not null) await WeighAsync(weighing);
        if (reading is not null)
        {
            // The meter measures the truck as it enters: its reading follows the camera's event.
            Interlocked.Increment(ref _readings);
            await SendAsync(reading, null);
        }
    }

    private async Task WeighAsync(SimulatedWeighing weighing)
    {
        await _scale.WaitAsync();
        try
        {
            await weighbridge!.WeighAsync(weighing, CancellationToken.None);
            Interlocked.Increment(ref _weighings);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            // The line dropped: the next weighing reconnects, as a converter would.
            await weighbridge!.DisconnectAsync(CancellationToken.None);
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _scale.Release();
        }
    }
}
