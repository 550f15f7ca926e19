namespace DataPlatform.Compliance.Reviews;

/// <summary>One reviewer action as the rules see it. For a correction, null fields keep their current value.</summary>
/// <remarks><paramref name="Action"/>: approve | correct | reject.</remarks>
public sealed record ReviewStep(string Action, string? PlateNo = null, string? PlateColor = null, string? VehicleType = null)
{
    public const string Approve = "approve";
    public const string Correct = "correct";
    public const string Reject = "reject";
}
