using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers.National;

/// <summary>HTTP client of the national platform (and of its simulator): <c>GET {base}/api/v1/vehicles?vin=…|plateNo=…&amp;plateColor=…|registrationCode=…</c>
/// with <c>X-App-Key</c>; 200 + JSON record, 404 unknown. Regional gateways differ in paths and envelopes; an
/// adapter for one implements <see cref="INationalVehiclePlatform"/> the same way.</summary>
public sealed class NationalPlatformClient(HttpClient http, IOptions<RegistersOptions> options) : INationalVehiclePlatform
{
    public const string LookupPath = "/api/v1/vehicles";
    public const string AppKeyHeader = "X-App-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NationalVehicleInfo?> LookupAsync(NationalLookup query, CancellationToken ct)
    {
        var o = options.Value;
        var parameters = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parameters.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("vin", query.Vin);
        Add("plateNo", query.PlateNo);
        Add("plateColor", query.PlateColor);
        Add("registrationCode", query.RegistrationCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{o.NationalPlatformUrl.TrimEnd('/')}{LookupPath}?{string.Join('&', parameters)}");
        if (o.NationalPlatformAppKey.Length > 0) request.Headers.Add(AppKeyHeader, o.NationalPlatformAppKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(100, o.NationalPlatformTimeoutMs)));
        using var response = await http.SendAsync(request, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<NationalVehicleInfo>(Json, timeout.Token);
    }
}
