using System.CommandLine;
using DataPlatform.Cli;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Tests.Compose;

/// <summary>No Docker engine runs here, so the distributed deployment is checked as data: every file, port
/// and role it names must exist.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Root = ComposeFile.RepositoryRoot();
    private readonly ComposeFile _compose = new(Path.Combine(Root, "compose", "docker-compose.yml"));

    [Fact]
    public void Runs_kafka_clickhouse_grafana_and_every_platform_role()
    {
        Assert.Superset(new HashSet<string> { "kafka", "clickhouse", "grafana", "ingest", "processing", "analytics" },
            _compose.Services.Keys.ToHashSet());
    }

    [Fact]
    public void Every_platform_service_runs_a_role_the_executable_has()
    {
        var commands = DataPlatformCommand.Create().Subcommands.Select(c => c.Name).ToHashSet();
        var platform = _compose.PlatformServices.ToList();
        Assert.NotEmpty(platform);
        foreach (var (name, service) in platform)
        {
            var role = ComposeFile.Strings(service["command"]).First();
            Assert.True(commands.Contains(role), $"{name} runs '{role}', which dataplatform does not have");
            var environment = (YamlMappingNode)service["environment"];
            Assert.Equal("kafka:9092", environment["Kafka__BootstrapServers"].ToString());
            Assert.Equal("http://clickhouse:8123", environment["ClickHouse__Endpoint"].ToString());
        }
    }

    [Fact]
    public void Every_service_has_a_health_check_and_platform_services_wait_for_healthy_engines()
    {
        foreach (var (name, service) in _compose.Services.Where(s => !ComposeFile.IsOneShot(s.Value)))
        {
            Assert.True(service.ContainsKey("healthcheck"), $"{name} has no healthcheck");
            if (!_compose.PlatformServices.Any(p => p.Key == name)) continue;
            var dependsOn = (YamlMappingNode)service["depends_on"];
            foreach (var engine in new[] { "kafka", "clickhouse" })
                Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn[engine])["condition"].ToString());
            // The ACLs are in place before any role connects.
            Assert.Equal("service_completed_successfully", ((YamlMappingNode)dependsOn["kafka-acls"])["condition"].ToString());
        }
    }

    [Fact]
    public void Health_checks_use_commands_the_executable_has()
    {
        var commands = DataPlatformCommand.Create().Subcommands.ToDictionary(c => c.Name);
        foreach (var (name, service) in _compose.PlatformServices)
        {
            var test = ComposeFile.Strings(((YamlMappingNode)service["healthcheck"])["test"]).ToList();
            Assert.Equal(["CMD", "dataplatform"], test.Take(2));
            var command = commands[test[2]];
            foreach (var option in test.Skip(3).Where(t => t.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(command.Options.Any(o => o.Name == option), $"{name}: '{test[2]}' has no option {option}");
        }
    }

    [Fact]
    public void Every_mounted_file_and_the_dockerfile_exist()
    {
        foreach (var (name, service) in _compose.Services)
        {
            if (service.TryGetValue("build", out var build))
            {
                var b = (YamlMappingNode)build;
                var context = Path.GetFullPath(Path.Combine(_compose.Directory, b["context"].ToString()));
                var dockerfile = b.Children.TryGetValue("dockerfile", out var named) ? named.ToString() : "Dockerfile";
                Assert.True(File.Exists(Path.Combine(context, dockerfile)), $"{name}: Dockerfile missing");
                if (_compose.PlatformServices.Any(p => p.Key == name))
                    Assert.True(File.Exists(Path.Combine(context, "DataPlatform.sln")), $"{name}: build context is not the repository root");
            }
            if (!service.TryGetValue("volumes", out var volumes)) continue;
            foreach (var source in ComposeFile.Strings(volumes).Select(v => v.Split(':')[0]).Where(s => s.StartsWith('.')))
            {
                var path = Path.GetFullPath(Path.Combine(_compose.Directory, source));
                if (source == ComposeFile.ClickHouseUsersMount && !Directory.Exists(path)) continue; // see ClickHouseUsersMount
                Assert.True(Directory.Exists(path) && Directory.EnumerateFiles(path).Any(), $"{name} mounts {source}, which is missing or empty");
            }
        }
    }

    [Fact]
    public void Published_ports_are_unique_and_match_what_the_services_listen_on()
    {
        var published = _compose.Services
            .Where(s => s.Value.ContainsKey("ports"))
            .SelectMany(s => ComposeFile.Strings(s.Value["ports"]).Select(p => (Service: s.Key, Host: p.Split(':')[0], Container: p.Split(':')[1])))
            .ToList();
        Assert.Equal(published.Count, published.Select(p => p.Host).Distinct().Count());
        Assert.Contains(published, p => p is { Service: "grafana", Container: "3000" });
        var ingestUrls = ((YamlMappingNode)_compose.Services["ingest"]["environment"])["Ingest__Urls"].ToString();
        Assert.Contains(published, p => p.Service == "ingest" && ingestUrls.EndsWith(":" + p.Container, StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_publishes_the_dataplatform_executable()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "compose", "Dockerfile"));
        Assert.Contains("compose/DataPlatform.Cli/DataPlatform.Cli.csproj", dockerfile);
        Assert.True(File.Exists(Path.Combine(Root, "compose", "DataPlatform.Cli", "DataPlatform.Cli.csproj")));
        Assert.Contains("ENTRYPOINT [\"dataplatform\"]", dockerfile);
    }
}
