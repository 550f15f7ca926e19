namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>The Content-Type ClickHouse labels each output format with.</summary>
internal static class FormatContentType
{
    public static string For(string format)
    {
        var name = format.ToUpperInvariant();
        if (name.StartsWith("JSON", StringComparison.Ordinal) && !name.StartsWith("JSONEACHROW", StringComparison.Ordinal)
            && !name.StartsWith("JSONCOMPACTEACHROW", StringComparison.Ordinal) && !name.StartsWith("JSONSTRINGSEACHROW", StringComparison.Ordinal)
            && !name.StartsWith("JSONCOMPACTSTRINGSEACHROW", StringComparison.Ordinal) && name != "JSONLINES" && name != "JSONL")
        {
            return "application/json; charset=UTF-8";
        }

        return name switch
        {
            _ when name.Contains("EACHROW", StringComparison.Ordinal) || name is "JSONLINES" or "JSONL" or "NDJSON" => "application/x-ndjson; charset=UTF-8",
            _ when name.StartsWith("TABSEPARATED", StringComparison.Ordinal) || name.StartsWith("TSV", StringComparison.Ordinal) => "text/tab-separated-values; charset=UTF-8",
            _ when name.StartsWith("CSV", StringComparison.Ordinal) => "text/csv; charset=UTF-8; header=absent",
            "XML" => "application/xml; charset=UTF-8",
            "PRETTY" or "PRETTYCOMPACT" or "PRETTYSPACE" or "VERTICAL" or "MARKDOWN" or "VALUES" or "TEMPLATE" => "text/plain; charset=UTF-8",
            _ when name.StartsWith("PRETTY", StringComparison.Ordinal) => "text/plain; charset=UTF-8",
            _ => "application/octet-stream",
        };
    }
}
