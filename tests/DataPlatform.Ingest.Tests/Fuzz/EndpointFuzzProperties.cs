using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Ingest.Tests.Fuzz;

/// <summary>
/// No input reaches a 500 (issue 11 item 5): for every HTTP endpoint of ingest, any body — arbitrary bytes, invalid
/// UTF-8 in strings and names, dates at the ends of the calendar, numbers beyond double and long — is answered 2xx
/// or 4xx; a 4xx names an error, a reason and a rejection id, and the body is stored under that id as a dead letter.
/// The device's credentials are valid throughout, so a 401 is a failure too.
/// </summary>
public sealed class EndpointFuzzProperties(FuzzHostFixture host) : IClassFixture<FuzzHostFixture>
{
    private const int Cases = 120;

    public static TheoryData<string> Endpoints => new(FuzzEndpoint.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Any_body_gets_2xx_or_a_4xx_with_a_reason_and_a_stored_rejection(string name)
    {
        var endpoint = FuzzEndpoint.All.Single(e => e.Name == name);
        var bodies = endpoint.Name == "hikvision" ? FuzzBodies.Hikvision(endpoint) : FuzzBodies.For(endpoint).Select(b => (b, endpoint.ContentType));
        var rejected = new ConcurrentDictionary<Guid, byte[]>();
        var property = Prop.ForAll(bodies.ToArbitrary(), sent =>
        {
            var (status, answer) = PostAsync(endpoint, sent.Item1, sent.Item2).GetAwaiter().GetResult();
            if (status is >= 200 and < 300) return true.Label($"{status}");
            var label = $"{status} {answer}";
            if (status is < 400 or >= 500 or 401) return false.Label(label);
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            bool Has(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0;
            // The one 4xx that is no rejection: a review naming another operator is an impersonation (403 + alarm).
            if (status == 403) return (endpoint.Name == "reviews" && Has("error") && Has("reason")).Label(label);
            if (!Has("error") || !Has("reason") || !root.TryGetProperty("rejectionId", out var id) || !id.TryGetGuid(out var rejectionId))
                return false.Label(label);
            rejected[rejectionId] = sent.Item1;
            return true.Label(label);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        // Every rejection is stored, with the bytes that were sent.
        foreach (var (id, body) in rejected)
        {
            var letter = await host.WaitForAsync(Topics.DeadLetter, b => DeadLetter.FromJson(b), l => l.Id == id);
            Assert.Equal("ingest", letter.Stage);
            Assert.Equal(body.Length <= 16 * 1024 ? body : body[..letter.Payload.Length], letter.Payload);
        }
    }

    private async Task<(int Status, string Answer)> PostAsync(FuzzEndpoint endpoint, byte[] body, string contentType)
    {
        using var response = await host.PostAsync(endpoint, body, contentType);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
