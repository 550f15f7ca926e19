using System.Collections.Concurrent;
using DataPlatform.Gate;
using DataPlatform.Processing.Registers.National;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Simulation.NationalPlatform;

/// <summary>
/// A local stand-in for the national vehicle/machinery environmental information platform: a small Kestrel
/// service answering <c>GET /api/v1/vehicles?vin=…|plateNo=…&amp;plateColor=…|registrationCode=…</c> with the
/// record (200) or 404, seeded deterministically from a simulated plant's fleet (same profile and seed as the
/// traffic simulator, so every truck the simulator drives is known), plus any records added. With an app key set,
/// requests without <c>X-App-Key</c> get 401, as the real platform refuses unregistered callers.
/// </summary>
public sealed class NationalPlatformSimulator : IAsyncDisposable
{
    public const string LookupPath = "/api/v1/vehicles";

    private readonly ConcurrentDictionary<string, NationalVehicleInfo> _byKey = new(StringComparer.Ordinal);
    private readonly string? _appKey;
    private WebApplication? _app;
    private long _lookups;

    public NationalPlatformSimulator(IEnumerable<NationalVehicleInfo> records, string? appKey = null)
    {
        _appKey = string.IsNullOrEmpty(appKey) ? null : appKey;
        foreach (var record in records) Add(record);
    }

    /// <summary>The fleet of <paramref name="profile"/> drawn with <paramref name="seed"/>.</summary>
    public static NationalPlatformSimulator ForFleet(SimulationProfile profile, int seed, string? appKey = null) =>
        new(new GateEventGenerator(profile, seed).Fleet.Select(NationalPlatformRecords.Of), appKey);

    /// <summary>Requests answered so far.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    public int Count => _byKey.Values.Distinct().Count();

    public Uri? BaseUri => _app is null ? null : new Uri(_app.Urls.First());

    public void Add(NationalVehicleInfo record)
    {
        if (record.Vin is { Length: > 0 } vin) _byKey["vin:" + vin.ToUpperInvariant()] = record;
        if (record.RegistrationCode is { Length: > 0 } code) _byKey["code:" + code.ToUpperInvariant()] = record;
        if (record.PlateNo is { Length: > 0 } plate && PlateNumber.TryParse(plate, out var p, out _))
            _byKey[$"plate:{p.Text}/{Colour(record.PlateColor)}"] = record;
    }

    public NationalVehicleInfo? Find(string? vin, string? plateNo, string? plateColor, string? registrationCode)
    {
        if (!string.IsNullOrEmpty(vin)) return _byKey.GetValueOrDefault("vin:" + vin.Trim().ToUpperInvariant());
        if (!string.IsNullOrEmpty(registrationCode)) return _byKey.GetValueOrDefault("code:" + registrationCode.Trim().ToUpperInvariant());
        if (!PlateNumber.TryParse(plateNo, out var plate, out _)) return null;
        var colour = Colour(plateColor);
        if (_byKey.TryGetValue($"plate:{plate.Text}/{colour}", out var exact)) return exact;
        if (colour != PlateColor.Unknown.ToWireName()) return null;
        var any = _byKey.Where(kv => kv.Key.StartsWith($"plate:{plate.Text}/", StringComparison.Ordinal)).Select(kv => kv.Value).Distinct().ToList();
        return any.Count == 1 ? any[0] : null;
    }

    /// <summary>Listens on <paramref name="url"/> (port 0 picks a free one).</summary>
    public async Task StartAsync(string url = "http://127.0.0.1:0", CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        _app = builder.Build();
        _app.MapGet(LookupPath, (Delegate)((HttpContext context) => Lookup(context)));
        await _app.StartAsync(ct);
    }

    private IResult Lookup(HttpContext context)
    {
        Interlocked.Increment(ref _lookups);
        if (_appKey is not null && context.Request.Headers["X-App-Key"].FirstOrDefault() != _appKey)
            return Results.Json(new { error = "unauthorized", reason = "应用密钥无效" }, statusCode: StatusCodes.Status401Unauthorized);
        var q = context.Request.Query;
        var record = Find(q["vin"].FirstOrDefault(), q["plateNo"].FirstOrDefault(), q["plateColor"].FirstOrDefault(), q["registrationCode"].FirstOrDefault());
        return record is null
            ? Results.Json(new { error = "not_found", reason = "平台无此车辆或机械的环保信息" }, statusCode: StatusCodes.Status404NotFound)
            : Results.Json(record);
    }

    private static string Colour(string? text) =>
        PlateColor.TryParse(text, out var colour, out _) ? colour.ToWireName() : PlateColor.Unknown.ToWireName();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
