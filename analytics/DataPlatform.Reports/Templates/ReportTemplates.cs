using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DataPlatform.Reports.Templates;

/// <summary>A template that does not parse or fails while rendering; the message names the template and line.</summary>
public sealed class ReportTemplateException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Scriban templates of the reports: the built-in ones embedded in this assembly, each overridable by a
/// file of the same name in <see cref="ReportsOptions.TemplateFolder"/>. Rendering is all or nothing: the text is
/// built in memory and returned only when the whole template ran.</summary>
public sealed class ReportTemplates(IOptions<ReportsOptions> options)
{
    private readonly ConcurrentDictionary<string, Template> _embedded = new();

    /// <summary>The built-in template text, e.g. for a plant to copy and edit.</summary>
    public static string BuiltIn(string name)
    {
        using var stream = typeof(ReportTemplates).Assembly.GetManifestResourceStream($"DataPlatform.Reports.Templates.{name}")
            ?? throw new ReportTemplateException($"没有内置模板 {name} (no built-in template {name})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Where <paramref name="name"/> comes from: the override file when it exists, else "built-in".</summary>
    public string Source(string name) => OverridePath(name) is { } path && File.Exists(path) ? path : "built-in:" + name;

    /// <summary>Renders <paramref name="name"/> (e.g. <c>monthly.html.sbn</c>) with <paramref name="globals"/> as
    /// its top-level variables.</summary>
    /// <exception cref="ReportTemplateException">the template does not parse, or fails while rendering.</exception>
    public string Render(string name, IReadOnlyDictionary<string, object?> globals)
    {
        var template = Load(name);
        var script = new ScriptObject();
        foreach (var (key, value) in globals) script[key] = value;
        script["fmt"] = Formatting.Functions;
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 100_000,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(script);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ReportTemplateException(
                $"报表模板 {Source(name)} 第 {ex.Span.Start.Line + 1} 行第 {ex.Span.Start.Column + 1} 列渲染出错 (template error at line {ex.Span.Start.Line + 1}): {ex.OriginalMessage}", ex);
        }
    }

    private Template Load(string name)
    {
        if (OverridePath(name) is { } path && File.Exists(path))
            return Parse(File.ReadAllText(path), path);
        return _embedded.GetOrAdd(name, n => Parse(BuiltIn(n), "built-in:" + n));
    }

    private string? OverridePath(string name) =>
        string.IsNullOrWhiteSpace(options.Value.TemplateFolder) ? null : Path.Combine(options.Value.TemplateFolder, name);

    private static Template Parse(string text, string source)
    {
        var template = Template.Parse(text, source);
        if (!template.HasErrors) return template;
        var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
        throw new ReportTemplateException(
            $"报表模板 {source} 第 {first.Span.Start.Line + 1} 行有语法错误 (template syntax error at line {first.Span.Start.Line + 1}): {first.Message}" +
            (template.Messages.Count > 1 ? $"；共 {template.Messages.Count} 处 ({string.Join("; ", template.Messages)})" : ""));
    }
}

/// <summary>Number formats the templates use (<c>fmt.n</c>, <c>fmt.pct</c>, …), invariant culture, a dash for
/// "no value" (a ratio with a zero denominator is no value, never 0 %).</summary>
public static class Formatting
{
    public static ScriptObject Functions { get; } = Create();

    public static string Count(object? value) => value is null ? "—" : Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(object? value) => value is null ? "—" : (Convert.ToDouble(value, CultureInfo.InvariantCulture) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Decimal(object? value, int digits) =>
        value is null ? "—" : Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("F" + digits, CultureInfo.InvariantCulture);

    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("n", new Func<object?, string>(Count));
        functions.Import("pct", new Func<object?, string>(Percent));
        functions.Import("dec", new Func<object?, int, string>(Decimal));
        functions.Import("day", new Func<DateOnly, string>(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        // Heat-map cell shade: 0 white → max deep red, as an rgb() CSS colour.
        functions.Import("heat", new Func<long, long, string>((value, max) =>
        {
            var t = max == 0 ? 0 : (double)value / max;
            var g = (int)Math.Round(255 - 200 * t);
            return $"rgb(255,{g},{g})";
        }));
        return functions;
    }
}
