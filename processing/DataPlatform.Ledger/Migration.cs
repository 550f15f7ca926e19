using System.Reflection;
using System.Text.RegularExpressions;

namespace DataPlatform.Ledger;

/// <summary>One versioned schema step, read from an embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>The statements of this step with <c>{db}</c> bound to the ledger database.</summary>
    public IEnumerable<string> Statements(string database) =>
        Sql.Replace("{db}", $"`{database}`", StringComparison.Ordinal)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';'))
            .Where(s => s.Split('\n').Any(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0));

    /// <summary>All migrations shipped in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load(typeof(Migration).Assembly);

    private static List<Migration> Load(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Select(name => (name, match: FileName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x =>
            {
                using var stream = assembly.GetManifestResourceStream(x.name)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(x.match.Groups[1].Value), x.match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();

    [GeneratedRegex(@"Migrations\.(\d{4})_(\w+)\.sql$")]
    private static partial Regex FileName();
}
