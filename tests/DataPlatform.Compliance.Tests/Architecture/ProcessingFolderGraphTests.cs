using System.Text.RegularExpressions;

namespace DataPlatform.Compliance.Tests.Architecture;

/// <summary>The folders of processing and which of them refer to which, read from the sources: a file in folder A
/// refers to folder B when it has <c>using DataPlatform.Processing.B</c> or names a type of B as <c>B.Type</c>. The
/// graph has no cycle of any length (issue 10 item 5: ledger-record publishing is a one-way sink, sealing sits below
/// the writers and verification above them, the <c>gate.raw</c> consumer above fusion and passages); the folder map
/// in processing's README follows this order. It reads source files only, so it sits with processing's fast unit tests
/// (no engine, no processing build).</summary>
public sealed partial class ProcessingFolderGraphTests
{
    [Fact]
    public void Processing_folders_depend_on_each_other_without_a_cycle()
    {
        var edges = Edges();
        Assert.True(edges.Count > 10, $"the graph reads too few references ({edges.Count}); the parsing is broken");
        Assert.Empty(Cycles(edges));
    }

    [Fact]
    public void Ledger_record_publishing_and_sealing_are_sinks()
    {
        var edges = Edges();
        Assert.DoesNotContain(edges, e => e.From is "LedgerRecords" or "Sealing");
        Assert.Contains(("Passages", "LedgerRecords"), edges);
        Assert.Contains(("Passages", "Sealing"), edges);
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_of_three()
    {
        HashSet<(string From, string To)> edges = [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")];
        Assert.Equal(["A", "B", "C", "A"], Assert.Single(Cycles(edges)));
        Assert.Empty(Cycles([("A", "B"), ("B", "C"), ("A", "C")]));
    }

    private static HashSet<(string From, string To)> Edges()
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
        return edges;
    }

    /// <summary>Every cycle a depth-first walk closes (each as the path from its first folder back to it).</summary>
    private static List<List<string>> Cycles(HashSet<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();
        var cycles = new List<List<string>>();
        void Walk(string folder)
        {
            state[folder] = false;
            path.Add(folder);
            foreach (var to in next.GetValueOrDefault(folder, []))
            {
                if (!state.TryGetValue(to, out var done)) Walk(to);
                else if (!done) cycles.Add([.. path[path.IndexOf(to)..], to]);
            }
            path.RemoveAt(path.Count - 1);
            state[folder] = true;
        }
        foreach (var folder in next.Keys.Order(StringComparer.Ordinal))
            if (!state.ContainsKey(folder)) Walk(folder);
        return cycles;
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
