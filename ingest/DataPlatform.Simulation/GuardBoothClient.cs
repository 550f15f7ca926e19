using System.Net;
using System.Net.Http.Headers;
using DataPlatform.Ingest.GuardBooth;

namespace DataPlatform.Simulation;

/// <summary>The guard booth's software as the simulator plays it: registers the day's machines through the real
/// guard-booth API as an authenticated operator. Returns how many were accepted (202).</summary>
public sealed class GuardBoothClient(HttpClient http, Uri ingestBase, string operatorId, string token)
{
    public async Task<int> RegisterAsync(IEnumerable<SimulatedMachine> machines, CancellationToken ct)
    {
        var accepted = 0;
        foreach (var machine in machines.Where(m => m.Registered))
        {
            var path = machine.NonRoad ? GuardBoothEndpoints.NonRoadPath : GuardBoothEndpoints.InPlantPath;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingestBase, path)) { Content = new ByteArrayContent(machine.RegistrationBody()) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(GuardOperators.OperatorIdHeader, operatorId);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Accepted) accepted++;
        }
        return accepted;
    }
}
