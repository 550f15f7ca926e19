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
        if (node.Children.TryGetValue(new YamlScalarNode("<<"), out var inherited))
            foreach (var (key, value) in Merge((YamlMappingNode)inherited)) result[key] = value;
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

    public static IEnumerable<string> Strings(YamlNode node) => node switch
    {
        YamlSequenceNode s => s.Children.SelectMany(Strings),
        YamlScalarNode v => [v.Value ?? ""],
        _ => [],
    };
}
