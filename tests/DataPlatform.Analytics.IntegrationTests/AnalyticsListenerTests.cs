using DataPlatform.Analytics.Http;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Analytics.IntegrationTests;

[Collection(EnginesCollection.Name)]
public class AnalyticsListenerTests(EnginesFixture engines)
{
    [Fact]
    public async Task The_analytics_role_serves_its_http_listener()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Processing | PlatformRole.Analytics);
        var url = host.Services.GetRequiredService<AnalyticsHttpServer>().Urls.Single();
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri(new Uri(url), "/healthz")));
    }
}
