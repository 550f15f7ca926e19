using System.Text.Json;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>One provisioned dashboard file read as Grafana reads it: panels (rows' nested panels included),
/// their targets, and the template variables.</summary>
public sealed record GrafanaDashboard(string File, JsonElement Root)
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "dashboards");

    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path.Combine(Folder, "json"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public static GrafanaDashboard Load(string file) =>
        new(file, JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, "json", file))).RootElement.Clone());

    public string Title => Root.GetProperty("title").GetString()!;

    public IEnumerable<JsonElement> Panels() => Root.GetProperty("panels").EnumerateArray()
        .SelectMany(p => p.TryGetProperty("panels", out var nested) ? nested.EnumerateArray().Prepend(p) : [p])
        .Where(p => p.GetProperty("type").GetString() != "row");

    public IEnumerable<JsonElement> Variables() =>
        Root.TryGetProperty("templating", out var t) ? t.GetProperty("list").EnumerateArray() : [];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "DataPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("DataPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
