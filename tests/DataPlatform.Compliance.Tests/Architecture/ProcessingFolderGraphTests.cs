using System.Text.RegularExpressions;

namespace DataPlatform.Compliance.Tests.Architecture;

/// <summary>The folders of processing and which of them refer to which, read from the sources: a file in folder A
/// refers to folder B when it has <c>using DataPlatform.Processing.B</c> or names a type of B as <c>B.Type</c>. New
/// cycles fail; the cycles known today are listed so that breaking one also updates this list (and the README).
/// It reads source files only, so it sits with processing's fast unit tests (no engine, no processing build).</summary>
public sealed partial class ProcessingFolderGraphTests
{
    private static readonly string[] KnownCycles =
    [
        "Commands<->Decisions", "Fusion<->Passages", "Integrity<->Passages", "Integrity<->Reviews",
        "LedgerRecords<->Passages", "LedgerRecords<->Registers", "LedgerRecords<->Reviews", "LedgerRecords<->Trips",
    ];

    [Fact]
    public void Processing_has_no_folder_cycles_beyond_the_known_ones()
    {
        var root = Path.Combine(RepositoryRoot(), "processing", "DataPlatform.Processing");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var files = folders.SelectMany(f => Directory.GetFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories)
            .Select(path => (Folder: f, Text: Comment().Replace(File.ReadAllText(path), "")))).ToList();
        var types = files.GroupBy(f => f.Folder).ToDictionary(g => g.Key,
            g => g.SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal));
        var edges = new HashSet<(string From, string To)>();
        foreach (var (folder, text) in files)
        {
            foreach (Match m in UsingProcessing().Matches(text))
                if (folders.Contains(m.Groups[1].Value)) edges.Add((folder, m.Groups[1].Value));
            foreach (Match m in Qualified().Matches(text))
                if (types.TryGetValue(m.Groups[1].Value, out var declared) && declared.Contains(m.Groups[2].Value))
                    edges.Add((folder, m.Groups[1].Value));
        }
        edges.RemoveWhere(e => e.From == e.To);
        Assert.True(edges.Count > 10, $"the graph reads too few references ({edges.Count}); the parsing is broken");
        var cycles = edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => $"{e.From}<->{e.To}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(KnownCycles, cycles);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no DataPlatform.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bProcessing\.(\w+)")]
    private static partial Regex UsingProcessing();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w+)\.([A-Z]\w+)")]
    private static partial Regex Qualified();
}
