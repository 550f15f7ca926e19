using System.Net.Http.Json;
using System.Text;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Gate event payloads as a device would post them.</summary>
public static class GateEvents
{
    public static string Json(string eventId, string plate = "冀B12345", string color = "yellow", string type = "H11",
        string passTime = "2026-11-28T09:15:30+08:00", int direction = 1, string gate = "G01") =>
        $$"""
        {"eventId":"{{eventId}}","enterpriseId":"E1302001","gateId":"{{gate}}","laneId":"L1","direction":{{direction}},
         "passTime":"{{passTime}}","plateNo":"{{plate}}","plateColor":"{{color}}","confidence":0.97,
         "vehicleType":"{{type}}","deviceId":"cam-01","pictures":["sha256:00ff"]}
        """;

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri ingest, string body) =>
        PostAsync(http, ingest, Encoding.UTF8.GetBytes(body));

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri ingest, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return http.PostAsync(new Uri(ingest, "/api/v1/gate-events"), content);
    }

    public static async Task<(string Error, string Reason, Guid RejectionId)> RejectionAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<RejectionBody>();
        return (body!.Error, body.Reason, body.RejectionId);
    }

    private sealed record RejectionBody(string Error, string Reason, Guid RejectionId);
}
