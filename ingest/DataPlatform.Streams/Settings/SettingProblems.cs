using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataPlatform.Streams.Settings;

/// <summary>
/// Collects what is wrong with a role's settings, each problem naming the setting as it is configured
/// (<c>Processing:MaxBatchSize</c>, i.e. <c>Processing__MaxBatchSize</c> in the environment), so a process refuses to
/// start with every mistake listed instead of failing later on the first one it trips over. Pure: the role's
/// <see cref="IValidateOptions{TOptions}"/> fills one and returns <see cref="Result"/>.
/// </summary>
public sealed class SettingProblems
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> All => _problems;

    public ValidateOptionsResult Result => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);

    /// <summary>Adds a problem already worded with its setting's name (null: none).</summary>
    public SettingProblems Add(string? problem)
    {
        if (problem is not null) _problems.Add(problem);
        return this;
    }

    /// <summary><paramref name="value"/> must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public SettingProblems InRange(string setting, double value, double min, double max) =>
        Add(value >= min && value <= max ? null
            : string.Create(CultureInfo.InvariantCulture, $"{setting} = {value}: 应在 {min}–{max} 之间 (must be between {min} and {max})"));

    /// <summary><paramref name="value"/> must not be empty or blank.</summary>
    public SettingProblems NotBlank(string setting, string? value) =>
        Add(string.IsNullOrWhiteSpace(value) ? $"{setting}: 不能为空 (must be set)" : null);

    /// <summary><paramref name="value"/> must be an absolute http or https URL.</summary>
    public SettingProblems HttpUrl(string setting, string? value) =>
        Add(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? null
            : $"{setting} = '{value}': 应为 http(s) 绝对地址 (must be an absolute http or https URL)");
}
