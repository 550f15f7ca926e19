using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ledger;

/// <summary>Checks <c>ClickHouse:*</c> at start, naming the setting: an http(s) endpoint, and a database name that
/// is a plain identifier (it is written into DDL and table names, so nothing else may pass).</summary>
public sealed partial class ClickHouseOptionsValidation : IValidateOptions<ClickHouseOptions>
{
    public ValidateOptionsResult Validate(string? name, ClickHouseOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problems.Add($"ClickHouse:Endpoint = '{options.Endpoint}': 应为 http(s) 绝对地址 (must be an absolute http or https URL, e.g. http://127.0.0.1:8123)");
        if (!Identifier().IsMatch(options.Database))
            problems.Add($"ClickHouse:Database = '{options.Database}': 应为字母、数字、下划线组成的名称 (must be letters, digits and underscores, not starting with a digit)");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
