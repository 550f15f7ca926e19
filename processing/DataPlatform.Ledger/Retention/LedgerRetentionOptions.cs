using Microsoft.Extensions.Options;

namespace DataPlatform.Ledger.Retention;

/// <summary>
/// How long each family of ledger tables is kept. Bound from <c>Ledger:Retention</c>, e.g.
/// <c>Ledger__Retention__passages__Months=36</c>. A family not configured is kept for ever (the default); a
/// configured one is deleted — or, with <see cref="FamilyRetention.MoveToVolume"/>/<see cref="FamilyRetention.MoveToDisk"/>,
/// moved to cheaper storage — that many months after each row's time. Deleting before 24 months is refused:
/// HJ 1321-2023 requires the e-ledger to be kept at least 24 months.
/// </summary>
public sealed class LedgerRetentionOptions
{
    public const int LegalMinimumMonths = 24;

    public Dictionary<string, FamilyRetention> Families { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One table family's retention.</summary>
public sealed class FamilyRetention
{
    /// <summary>Months after a row's time when the rule applies; null keeps the family for ever.</summary>
    public int? Months { get; set; }

    /// <summary>A volume of the table's storage policy to move old partitions to instead of deleting them.</summary>
    public string? MoveToVolume { get; set; }

    /// <summary>A disk (e.g. an S3 disk) to move old partitions to instead of deleting them.</summary>
    public string? MoveToDisk { get; set; }
}

/// <summary>Refuses settings that would delete ledger rows before the legal minimum, naming the setting.</summary>
public sealed class LedgerRetentionValidation : IValidateOptions<LedgerRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerRetentionOptions options)
    {
        var errors = new List<string>();
        foreach (var (family, retention) in options.Families)
        {
            var setting = $"Ledger:Retention:Families:{family}";
            if (!RetentionFamilies.All.ContainsKey(family))
                errors.Add($"{setting}: 未知的表族 (unknown table family '{family}'); known: {string.Join(", ", RetentionFamilies.All.Keys)}");
            if (retention.MoveToVolume is not null && retention.MoveToDisk is not null)
                errors.Add($"{setting}: MoveToVolume 与 MoveToDisk 只能选一个 (set one of MoveToVolume, MoveToDisk)");
            var moves = retention.MoveToVolume is not null || retention.MoveToDisk is not null;
            if (retention.Months is { } months && (months < (moves ? 1 : LedgerRetentionOptions.LegalMinimumMonths)))
                errors.Add(moves
                    ? $"{setting}:Months = {months}: must be at least 1"
                    : $"{setting}:Months = {months}: 电子台账保存期限不得少于 {LedgerRetentionOptions.LegalMinimumMonths} 个月 (HJ 1321-2023 requires keeping the ledger at least {LedgerRetentionOptions.LegalMinimumMonths} months; to keep it on cheaper storage instead, set MoveToVolume or MoveToDisk)");
            if (retention.Months is null && moves)
                errors.Add($"{setting}: MoveTo… needs Months (after how many months to move)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
