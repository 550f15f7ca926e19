using System.Net;
using System.Net.Http.Headers;
using DataPlatform.Ingest.Http;

namespace DataPlatform.Ingest.Simulation;

/// <summary>Drives an ingest endpoint over real HTTP with a profile's traffic, like a lane of cameras would.</summary>
public sealed class GateTrafficSimulator(HttpClient http, Uri ingestBase)
{
    /// <summary>Sends <paramref name="count"/> pushes (or until cancelled when null) at about
    /// <paramref name="eventsPerSecond"/> (unthrottled when 0), <paramref name="concurrency"/> at a time.</summary>
    public async Task<SimulationReport> RunAsync(SimulationProfile profile, int seed, int? count, double eventsPerSecond,
        int concurrency, IProgress<SimulationReport>? progress, CancellationToken ct)
    {
        var generator = new GateEventGenerator(profile, seed);
        var target = new Uri(ingestBase, GateEventEndpoint.Path);
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int valid = 0, duplicates = 0, malformed = 0, accepted = 0, rejected = 0, failed = 0;
        var inFlight = new List<Task>();
        SimulationReport Report() => new(valid, duplicates, malformed, accepted, rejected, failed, clock.Elapsed);

        for (var i = 0; (count is null || i < count) && !ct.IsCancellationRequested; i++)
        {
            if (eventsPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds(i / eventsPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            var push = generator.Next(started + clock.Elapsed);
            _ = push.Kind switch
            {
                SimulatedPushKind.Valid => Interlocked.Increment(ref valid),
                SimulatedPushKind.Duplicate => Interlocked.Increment(ref duplicates),
                _ => Interlocked.Increment(ref malformed),
            };
            inFlight.Add(SendAsync(push));
            if (inFlight.Count >= concurrency)
            {
                await Task.WhenAny(inFlight);
                inFlight.RemoveAll(t => t.IsCompleted);
            }
            if (i % 1000 == 999) progress?.Report(Report());
        }
        await Task.WhenAll(inFlight);
        return Report();

        async Task SendAsync(SimulatedPush push)
        {
            try
            {
                using var content = new ByteArrayContent(push.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await http.PostAsync(target, content, CancellationToken.None);
                _ = response.StatusCode switch
                {
                    HttpStatusCode.Accepted => Interlocked.Increment(ref accepted),
                    HttpStatusCode.BadRequest => Interlocked.Increment(ref rejected),
                    _ => Interlocked.Increment(ref failed),
                };
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }
}
