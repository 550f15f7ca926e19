using System.Text.RegularExpressions;
using DataPlatform.Cli.Commands;
using DataPlatform.Engines.ClickHouse;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Tests.Compose;

/// <summary>The distributed deployment is safe on a plant LAN by default (issue 11): checked as data, since no
/// Docker engine runs here. Each test names the property a plant relies on.</summary>
public sealed partial class ComposeSafetyTests
{
    private static readonly string Root = ComposeFile.RepositoryRoot();
    private static readonly string ComposeDirectory = Path.Combine(Root, "compose");
    private readonly ComposeFile _compose = new(Path.Combine(ComposeDirectory, "docker-compose.yml"));
    private readonly ComposeFile _expose = new(Path.Combine(ComposeDirectory, "docker-compose.expose.yml"));

    private Dictionary<string, string> Env(string service) => ComposeFile.Environment(_compose.Services[service]);

    private IEnumerable<KeyValuePair<string, Dictionary<string, YamlNode>>> PlatformRoles => _compose.PlatformServices;

    [Fact]
    public void Kafka_keeps_its_log_on_the_kafka_volume()
    {
        var logDirs = Env("kafka")["KAFKA_LOG_DIRS"];
        var mounts = ComposeFile.Strings(_compose.Services["kafka"]["volumes"]).Select(v => v.Split(':')).ToList();
        Assert.Contains(mounts, m => m[0] == "kafka-data" && m[1] == logDirs);
        Assert.True(((YamlMappingNode)_compose.Root["volumes"]).Children.ContainsKey(new YamlScalarNode("kafka-data")));
    }

    [Fact]
    public void Only_ingest_and_grafana_are_published_by_default()
    {
        var published = _compose.Services.Where(s => s.Value.ContainsKey("ports")).Select(s => s.Key).ToHashSet();
        Assert.Equal(new HashSet<string> { "ingest", "grafana" }, published);
        // The broker advertises only names that resolve inside the compose network, and its controller listens on loopback.
        var listeners = Env("kafka")["KAFKA_LISTENERS"].Split(',');
        Assert.Contains(listeners, l => l.StartsWith("CONTROLLER://127.0.0.1:", StringComparison.Ordinal));
        Assert.All(Env("kafka")["KAFKA_ADVERTISED_LISTENERS"].Split(','), l => Assert.Contains("://kafka:", l));
    }

    [Fact]
    public void Every_kafka_listener_other_processes_reach_needs_sasl_scram_in_the_base_and_the_expose_override()
    {
        foreach (var environment in new[] { Env("kafka"), MergedKafkaEnvironment() })
        {
            var protocols = environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].Split(',').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1]);
            foreach (var listener in environment["KAFKA_LISTENERS"].Split(','))
            {
                var name = listener[..listener.IndexOf("://", StringComparison.Ordinal)];
                if (listener.Contains("://127.0.0.1:", StringComparison.Ordinal)) continue; // loopback inside the container
                Assert.StartsWith("SASL_", protocols[name]);
            }
            Assert.Equal("SCRAM-SHA-512", environment["KAFKA_SASL_ENABLED_MECHANISMS"]);
            Assert.Equal("false", environment["KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"]);
            Assert.Contains("StandardAuthorizer", environment["KAFKA_AUTHORIZER_CLASS_NAME"]);
        }
        // The override publishes exactly the SASL listener's port and ClickHouse's HTTP port.
        Assert.Equal(["9094:9094"], ComposeFile.Strings(_expose.Services["kafka"]["ports"]));
        Assert.Equal(["8123:8123"], ComposeFile.Strings(_expose.Services["clickhouse"]["ports"]));
    }

    private Dictionary<string, string> MergedKafkaEnvironment()
    {
        var merged = Env("kafka");
        foreach (var (key, value) in ComposeFile.Environment(_expose.Services["kafka"])) merged[key] = value;
        return merged;
    }

    [Fact]
    public void Each_role_logs_in_to_kafka_as_its_own_user_and_only_processing_and_the_bridge_may_write_control_commands()
    {
        var users = PlatformRoles.ToDictionary(r => r.Key, r =>
        {
            var environment = ComposeFile.Environment(r.Value);
            Assert.Equal("SASL_PLAINTEXT", environment["Kafka__Properties__security.protocol"]);
            Assert.Equal("SCRAM-SHA-512", environment["Kafka__Properties__sasl.mechanism"]);
            Assert.Matches(RequiredVariable(), environment["Kafka__Properties__sasl.password"]);
            return environment["Kafka__Properties__sasl.username"];
        });
        Assert.Equal(users.Count, users.Values.Distinct().Count());

        // Every role's user is created with the log directory, and the ACL script lets exactly processing and the bridge write commands.
        var entrypoint = File.ReadAllText(Path.Combine(ComposeDirectory, "kafka", "kafka-entrypoint.sh"));
        Assert.All(users.Values, u => Assert.Contains($"name={u},", entrypoint));
        var acls = File.ReadAllText(Path.Combine(ComposeDirectory, "kafka", "kafka-acls.sh"));
        var allowed = RoleLoop().Matches(acls).Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, allowed.Count); // the ALLOW loop, then the DENY loop
        Assert.Equal(users.Values.Order(), allowed[0].Order());
        Assert.Contains("--deny-principal \"User:${role}\" --operation Write --topic control.commands", acls);
        Assert.Equal(new HashSet<string> { "processing", "bridge" }, users.Values.Except(allowed[1]).ToHashSet());
        Assert.Equal("control.commands", DataPlatform.Streams.Topics.ControlCommands);
    }

    [Fact]
    public void Passwords_come_from_the_env_file_and_none_is_empty_or_defaulted()
    {
        foreach (var file in new[] { _compose, _expose })
        foreach (var (name, service) in file.Services)
        foreach (var (key, value) in ComposeFile.Environment(service).Where(e => e.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                                                                               && !e.Key.StartsWith("REGULATOR", StringComparison.Ordinal)))
            Assert.True(RequiredVariable().IsMatch(value), $"{name}: {key} must be ${{VAR:?…}} from .env, is '{value}'");

        var clickHouse = Env("clickhouse");
        Assert.Equal("0", clickHouse["CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT"]);
        Assert.Matches(RequiredVariable(), clickHouse["CLICKHOUSE_PASSWORD"]);
        Assert.Contains(ComposeFile.Strings(_compose.Services["clickhouse"]["volumes"]),
            v => v.StartsWith(ComposeFile.ClickHouseUsersMount + ":/etc/clickhouse-server/users.d", StringComparison.Ordinal));
        foreach (var (_, service) in PlatformRoles)
            Assert.Matches(RequiredVariable(), ComposeFile.Environment(service)["ClickHouse__Password"]);
    }

    [Fact]
    public void Ingest_and_the_bridge_read_one_picture_store_and_only_they_hold_its_secret()
    {
        Dictionary<string, string> PictureStore(string service) =>
            Env(service).Where(e => e.Key.StartsWith("Ingest__PictureStore__", StringComparison.Ordinal)).ToDictionary();
        var ingest = PictureStore("ingest");
        Assert.Contains("Ingest__PictureStore__Kind", ingest.Keys);
        Assert.Contains("Ingest__PictureStore__SecretKey", ingest.Keys);
        // The bridge uploads the pictures ingest stored: with an S3 store it must read the very same bucket.
        Assert.Equal(ingest.OrderBy(e => e.Key), PictureStore("regulator-bridge").OrderBy(e => e.Key));
        foreach (var (name, _) in PlatformRoles.Where(r => r.Key is not ("ingest" or "regulator-bridge")))
            Assert.Empty(PictureStore(name));
    }

    [Fact]
    public void The_env_example_names_every_variable_the_compose_files_require()
    {
        var example = File.ReadAllLines(Path.Combine(ComposeDirectory, ".env.example"))
            .Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToHashSet();
        foreach (var file in new[] { "docker-compose.yml", "docker-compose.expose.yml" })
        foreach (Match m in AnyVariable().Matches(File.ReadAllText(Path.Combine(ComposeDirectory, file))))
            Assert.True(example.Contains(m.Groups[1].Value), $"{file} uses ${{{m.Groups[1].Value}}}, which .env.example does not explain");
        Assert.Contains("compose/.env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        Assert.Contains(".env", File.ReadAllText(Path.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void State_that_must_survive_a_recreated_container_is_on_volumes()
    {
        AssertOnVolume("processing", Env("processing")["Processing__Decisions__StatePath"]);
        AssertOnVolume("ingest", Env("ingest")["Ingest__PictureDirectory"]);
        AssertOnVolume("ingest", Env("ingest")["Ingest__JournalDirectory"]);
        AssertOnVolume("regulator-bridge", Env("regulator-bridge")["RegulatorBridge__PictureDirectory"]);
    }

    private void AssertOnVolume(string service, string path)
    {
        var named = ((YamlMappingNode)_compose.Root["volumes"]).Children.Keys.Select(k => k.ToString()).ToHashSet();
        var mounts = ComposeFile.Strings(_compose.Services[service]["volumes"]).Select(v => v.Split(':'));
        Assert.True(mounts.Any(m => named.Contains(m[0]) && (path == m[1] || path.StartsWith(m[1] + "/", StringComparison.Ordinal))),
            $"{service}: {path} is not on a named volume");
    }

    [Fact]
    public void Images_are_pinned_and_the_clickhouse_server_matches_the_embedded_engine()
    {
        foreach (var (name, service) in _compose.Services.Where(s => !s.Value.ContainsKey("build")))
        {
            var image = service["image"].ToString();
            Assert.Matches(@":\d+\.\d+\.\d+", image);
        }
        var clickHouse = _compose.Services["clickhouse"]["image"].ToString();
        Assert.StartsWith("clickhouse/clickhouse-server:" + ChdbLibrary.Version.Split('.')[0] + ".", clickHouse);
        var dockerfile = File.ReadAllLines(Path.Combine(ComposeDirectory, "Dockerfile"));
        var from = dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, from.Count);
        Assert.All(from, l => Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/[a-z]+:\d+\.\d+\.\d+( AS \w+)?$", l));
    }

    [Fact]
    public void The_image_runs_as_a_user_and_the_build_context_leaves_out_caches_and_secrets()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(ComposeDirectory, "Dockerfile"));
        var lastFrom = Array.FindLastIndex(dockerfile, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var user = dockerfile.Skip(lastFrom).LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotNull(user);
        Assert.DoesNotContain(user["USER ".Length..].Trim(), new[] { "root", "0" });
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".cache/", ".git/", "**/.env", "**/*.pem" })
            Assert.Contains(pattern, ignored);
    }

    [Fact]
    public void Every_role_has_a_health_check_that_means_something_for_that_role()
    {
        var expected = new Dictionary<string, string>
        {
            ["ingest"] = "ingest", ["processing"] = "processing", ["analytics"] = "analytics", ["regulator-bridge"] = "bridge",
        };
        foreach (var (name, service) in PlatformRoles)
        {
            var test = ComposeFile.Strings(((YamlMappingNode)service["healthcheck"])["test"]).ToList();
            var role = test.IndexOf("--role");
            Assert.True(role > 0, $"{name}: health check names no role");
            Assert.Equal(expected[name], test[role + 1]);
            Assert.Contains(test[role + 1], HealthCommand.Roles);
        }
    }

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)[:}?-]")]
    private static partial Regex AnyVariable();

    [GeneratedRegex(@"for role in ([a-z ]+); do")]
    private static partial Regex RoleLoop();
}
