using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>What Grafana does to a panel's SQL before the ClickHouse plugin sends it: the dashboard's template
/// variables first (frontend, <c>${name:singlequote}</c> and <c>$name</c>), then the plugin's backend macros, expanded
/// as grafana-clickhouse-datasource's <c>pkg/macros</c> writes them: <c>$__timeFilter(c)</c> →
/// <c>c &gt;= toDateTime(&lt;unix from&gt;) AND c &lt;= toDateTime(&lt;unix to&gt;)</c>, <c>$__dateFilter(c)</c> on
/// <c>toDate('yyyy-MM-dd')</c> of the range in UTC, <c>$__timeInterval(c)</c> →
/// <c>toStartOfInterval(toDateTime(c), INTERVAL n second)</c>, <c>$__fromTime</c> / <c>$__toTime</c>,
/// <c>$__interval_s</c>. Anything else starting with <c>$__</c> is refused, so a dashboard cannot use a macro the
/// tests do not know.</summary>
public sealed partial record GrafanaQuery(DateTimeOffset From, DateTimeOffset To, TimeSpan Interval,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Variables)
{
    public string Expand(string sql) => ExpandMacros(InterpolateVariables(sql));

    public string InterpolateVariables(string sql) => Variable().Replace(sql, m =>
    {
        var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value;
        if (name.StartsWith("__", StringComparison.Ordinal)) return m.Value; // Grafana's own ($__timeFilter, …)
        if (!Variables.TryGetValue(name, out var values))
            throw new InvalidOperationException($"variable ${name} is not defined");
        var format = m.Groups["format"].Value;
        return format switch
        {
            "singlequote" => string.Join(",", values.Select(v => "'" + v.Replace("\\", "\\\\").Replace("'", "\\'") + "'")),
            "" when values.Count == 1 => values[0],
            "" => throw new InvalidOperationException($"multi-value ${name} needs a format (e.g. ${{{name}:singlequote}})"),
            _ => throw new InvalidOperationException($"format :{format} of ${name} is not used by these dashboards"),
        };
    });

    public string ExpandMacros(string sql)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match m in Macro().Matches(sql))
        {
            if (m.Index < at) continue;
            result.Append(sql, at, m.Index - at);
            var name = m.Groups[1].Value;
            at = m.Index + m.Length;
            IReadOnlyList<string> args = [];
            if (at < sql.Length && sql[at] == '(')
            {
                var close = Closing(sql, at);
                args = sql[(at + 1)..close].Split(',').Select(a => a.Trim()).ToList();
                at = close + 1;
            }
            result.Append(Apply(name, args));
        }
        result.Append(sql, at, sql.Length - at);
        return result.ToString();
    }

    private string Apply(string name, IReadOnlyList<string> args)
    {
        string One() => args.Count == 1 ? args[0] : throw new InvalidOperationException($"$__{name} takes 1 argument, got {args.Count}");
        var interval = (long)Math.Max(Interval.TotalSeconds, 1);
        return name switch
        {
            "fromTime" => DateTime(From),
            "toTime" => DateTime(To),
            "fromTime_ms" => $"fromUnixTimestamp64Milli({From.ToUnixTimeMilliseconds()})",
            "toTime_ms" => $"fromUnixTimestamp64Milli({To.ToUnixTimeMilliseconds()})",
            "timeFilter" => $"{One()} >= {DateTime(From)} AND {One()} <= {DateTime(To)}",
            "dateFilter" => $"{One()} >= {Date(From)} AND {One()} <= {Date(To)}",
            "timeInterval" => $"toStartOfInterval(toDateTime({One()}), INTERVAL {interval} second)",
            "interval_s" => interval.ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"macro $__{name} is not one these tests expand"),
        };
    }

    private static string DateTime(DateTimeOffset t) => $"toDateTime({t.ToUnixTimeSeconds()})";

    private static string Date(DateTimeOffset t) => $"toDate('{t.UtcDateTime:yyyy-MM-dd}')";

    private static int Closing(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            if (sql[i] == '(') depth++;
            else if (sql[i] == ')' && --depth == 0) return i;
        }
        throw new InvalidOperationException($"unbalanced macro arguments at {open}: {sql}");
    }

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::(?<format>\w+))?\}|\$(?<bare>[A-Za-z_]\w*)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\$__(\w+)")]
    private static partial Regex Macro();
}
