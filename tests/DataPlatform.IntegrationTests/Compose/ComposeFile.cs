using YamlDotNet.RepresentationModel;

namespace DataPlatform.Tests.Compose;

/// <summary>docker-compose.yml read as data, with YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied as compose applies them.</summary>
public sealed class ComposeFile
{
    public ComposeFile(string path)
    {
        Path = path;
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        Root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Services = ((YamlMappingNode)Root["services"]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Merge((YamlMappingNode)kv.Value));
    }

    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, Dictionary<string, YamlNode>> Services { get; }

    /// <summary>The platform's own services: the <c>dataplatform</c> image, one per role. (Grafana is built too, from
    /// its own folder, so "has a build" no longer tells them apart.)</summary>
    public IEnumerable<KeyValuePair<string, Dictionary<string, YamlNode>>> PlatformServices =>
        Services.Where(s => s.Value.TryGetValue("image", out var image) && image.ToString().StartsWith("dataplatform:", StringComparison.Ordinal));

    /// <summary>The repository root, found from the test binaries upwards.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "DataPlatform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DataPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    public static Dictionary<string, YamlNode> Merge(YamlMappingNode node)
    {
        var result = new Dictionary<string, YamlNode>();
        // A merge key takes one mapping or a list of them (later ones do not override earlier ones' keys in YAML,
        // and the file never repeats a key across its anchors).
        if (node.Children.TryGetValue(new YamlScalarNode("<<"), out var inherited))
            foreach (var mapping in inherited is YamlSequenceNode list ? list.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)inherited])
                foreach (var (key, value) in Merge(mapping)) result.TryAdd(key, value);
        foreach (var (key, value) in node.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<") continue;
            result[name] = value is YamlMappingNode m && result.TryGetValue(name, out var baseNode) && baseNode is YamlMappingNode
                ? new YamlMappingNode(Merge(m).Select(kv => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(kv.Key), kv.Value)))
                : value;
        }
        return result;
    }

    /// <summary>The ClickHouse users and profiles (service, read-only analyst, Grafana) — written by the analyst
    /// work of issue 11 on its own branch; until that is merged the folder may be absent here.</summary>
    public const string ClickHouseUsersMount = "./clickhouse/users.d";

    /// <summary>A set-up step that runs once and exits (restart "no"), e.g. the Kafka ACLs: no health check.</summary>
    public static bool IsOneShot(Dictionary<string, YamlNode> service) =>
        service.TryGetValue("restart", out var restart) && restart.ToString() == "no";

    /// <summary>A service's environment as name → value (both the map and the list form).</summary>
    public static Dictionary<string, string> Environment(Dictionary<string, YamlNode> service)
    {
        if (!service.TryGetValue("environment", out var node)) return new();
        if (node is YamlMappingNode map)
            return Merge(map).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        return Strings(node).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }

    public static IEnumerable<string> Strings(YamlNode node) => node switch
    {
        YamlSequenceNode s => s.Children.SelectMany(Strings),
        YamlScalarNode v => [v.Value ?? ""],
        _ => [],
    };
}
