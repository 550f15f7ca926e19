using System.Net.Http.Headers;
using System.Text;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>
/// A second endpoint on the test process's engine that checks users: a read-write service user and a
/// read-only analyst. Started per test class instance; the engine underneath is shared.
/// </summary>
public sealed class UsersEndpoint : IAsyncDisposable
{
    public static readonly ClickHouseUser Service = new("dataplatform", "service-secret-1", ReadOnly: false);
    public static readonly ClickHouseUser Analyst = new("analyst", "analyst-secret-2", ReadOnly: true);

    private UsersEndpoint(EmbeddedClickHouse server) => Server = server;

    public EmbeddedClickHouse Server { get; }

    public static async Task<UsersEndpoint> StartAsync(EngineFixture fixture) =>
        new(await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = fixture.DataPath, Port = 0, Users = [Service, Analyst] }));

    /// <summary>An HTTP client sending <paramref name="user"/>'s credentials as HTTP Basic.</summary>
    public HttpClient ClientFor(ClickHouseUser user) => ClientFor(user.Name, user.Password);

    public HttpClient ClientFor(string name, string password)
    {
        var http = new HttpClient { BaseAddress = Server.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return http;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
