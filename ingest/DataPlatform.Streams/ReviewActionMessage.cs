using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DataPlatform.Streams;

/// <summary>A manual-review action on one passage, published on <c>review.actions</c> by the CLI and by ingest's
/// guard-booth endpoint and sealed into the review ledger by processing: the contract the three share.</summary>
/// <remarks>
/// <para><paramref name="ActionId"/>: Chosen by the sender (1..64 of <c>[A-Za-z0-9._:-]</c>); a resend under the same
/// id is one action.</para>
/// <para><paramref name="Action"/>: <c>approve</c>, <c>correct</c> or <c>reject</c>
/// (<see cref="ReviewActionKinds"/>).</para>
/// <para><paramref name="Operator"/>: Who acted (审核人): a person, never a device. From the guard booth, the operator id
/// its credential proved (the body cannot choose it).</para>
/// <para><paramref name="Source"/>: <c>cli</c> or <c>guard-booth:&lt;operatorId&gt;</c>; set by the receiving
/// side.</para>
/// <para><paramref name="RejectKind"/>: For reject: <c>non-vehicle</c> or <c>duplicate</c>.</para>
/// <para><paramref name="OperatorName"/>: The operator's configured display name (guard booth), kept beside the id in
/// the ledger.</para>
/// <para><paramref name="EnterpriseId"/>: The enterprise the operator's account is limited to (guard booth); processing
/// refuses an action on another enterprise's passage. Null: any.</para>
/// </remarks>
public sealed record ReviewActionMessage(
    string ActionId,
    Guid PassageId,
    string Action,
    string Operator,
    DateTimeOffset RequestedAt,
    string Reason,
    string Source,
    string? PlateNo = null,
    string? PlateColor = null,
    string? VehicleType = null,
    string? RejectKind = null,
    string? OperatorName = null,
    string? EnterpriseId = null)
{
    public const int MaxBytes = 16 * 1024;

    private static readonly Regex IdPattern = new("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Kafka key: the passage, so a passage's actions stay in order whatever the partition count.</summary>
    public string Key => PassageId.ToString("D");

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Parses and checks the shape of an action; the reason is Chinese, for the sender.</summary>
    public static (ReviewActionMessage? Action, string? Error) Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes) return (null, $"审核请求超过 {MaxBytes} 字节");
        ReviewActionMessage? m;
        try
        {
            m = JsonSerializer.Deserialize<ReviewActionMessage>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, "不是有效的审核请求 JSON：" + ex.Message);
        }
        return m is null ? (null, "审核请求为空") : (m.Check() is { } error ? (null, error) : (m, null));
    }

    /// <summary>Null when well formed, else why not (Chinese).</summary>
    public string? Check()
    {
        if (ActionId is null || !IdPattern.IsMatch(ActionId)) return "actionId 缺失或格式不正确（1..64 个字母、数字或 ._:-）";
        if (PassageId == Guid.Empty) return "passageId 缺失";
        if (string.IsNullOrWhiteSpace(Operator)) return "operator（审核人）缺失";
        if (RequestedAt == default) return "requestedAt 缺失";
        switch (Action)
        {
            case ReviewActionKinds.Approve:
                if (PlateNo is not null || PlateColor is not null || VehicleType is not null || RejectKind is not null)
                    return "approve 不能携带更正字段";
                return null;
            case ReviewActionKinds.Correct:
                if (string.IsNullOrWhiteSpace(Reason)) return "更正必须说明理由（reason）";
                if (PlateNo is null && PlateColor is null && VehicleType is null) return "更正至少要给出号牌、颜色或车型之一";
                if (RejectKind is not null) return "correct 不能携带 rejectKind";
                return null;
            case ReviewActionKinds.Reject:
                if (string.IsNullOrWhiteSpace(Reason)) return "驳回必须说明理由（reason）";
                if (RejectKind is not (ReviewActionKinds.NonVehicle or ReviewActionKinds.Duplicate))
                    return "rejectKind 必须是 non-vehicle 或 duplicate";
                return null;
            default:
                return $"未知的审核动作 '{Action}'（approve | correct | reject）";
        }
    }
}

public static class ReviewActionKinds
{
    public const string Approve = "approve";
    public const string Correct = "correct";
    public const string Reject = "reject";
    public const string NonVehicle = "non-vehicle";
    public const string Duplicate = "duplicate";
}
