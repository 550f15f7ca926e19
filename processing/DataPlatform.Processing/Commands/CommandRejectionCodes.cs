namespace DataPlatform.Processing.Commands;

/// <summary>Why a control command was refused; the dead letter's <c>reason_code</c>. The gate-event codes are
/// reused where they mean the same thing, so one dashboard groups both.</summary>
public static class CommandRejectionCodes
{
    public const string BadJson = "bad_json";
    public const string TooLarge = "too_large";
    public const string MissingField = "missing_field";
    public const string DuplicateField = "duplicate_field";
    public const string InvalidField = "invalid_field";
    public const string InvalidPlate = "invalid_plate";
    public const string UnknownCode = "unknown_code";
    public const string InvalidTime = "invalid_time";

    /// <summary>A field this kind does not have: for policies a misspelt optional field would otherwise silently
    /// fall back to its default (a laxer rule than the issuer meant).</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>The <c>kind</c> is not one of <see cref="ControlCommandKinds.All"/>.</summary>
    public const string UnknownKind = "unknown_kind";
}
