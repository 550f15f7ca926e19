using System.Text.Json;
using DataPlatform.Ingest.Http;
using DataPlatform.Gate;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>
/// Reads a review action posted by an authenticated guard operator (pure). Who acted is the operator the
/// credential proved, never the body: <c>operator</c> may be left out (or repeat the operator's own id); a body
/// naming anybody else is an impersonation attempt and is refused, never silently rewritten, so the alarm names it.
/// <c>source</c>, <c>operatorName</c> and <c>enterpriseId</c> are always set here from the account.
/// </summary>
public static class GuardBoothReview
{
    public const string SourcePrefix = "guard-booth:";

    /// <summary>Body fields the booth sets itself (matched case-insensitively, as the message's JSON reader matches them).</summary>
    private static readonly string[] Owned = ["operator", "operatorName", "source", "enterpriseId"];

    /// <param name="Action">The action to publish, its operator the authenticated one; null when refused.</param>
    /// <param name="Error">Why a malformed action is refused (Chinese), for a 400 and the dead letter.</param>
    /// <param name="ClaimedOperator">Set when the body names another operator: a 403 and an auth alarm.</param>
    /// <param name="ErrorCode">The dead letter's reason code: <c>bad_json</c> for a body that is no JSON object
    /// (as on every other endpoint), else <c>invalid_review</c>.</param>
    public sealed record Result(ReviewActionMessage? Action, string? Error, string? ClaimedOperator, string ErrorCode = InvalidCode);

    public const string InvalidCode = "invalid_review";

    public static Result Read(ReadOnlySpan<byte> body, GuardOperatorOptions who)
    {
        if (body.Length > ReviewActionMessage.MaxBytes) return new(null, $"审核请求超过 {ReviewActionMessage.MaxBytes} 字节", null);
        if (JsonBody.TryParse(body, out var why) is not { } document)
            return new(null, "不是有效的审核请求 JSON：" + why, null, RejectionCodes.BadJson);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new(null, "审核请求须为 JSON 对象", null, RejectionCodes.BadJson);
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!Owned.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        property.WriteTo(w);
                        continue;
                    }
                    if (property.Name.Equals("operator", StringComparison.OrdinalIgnoreCase) && Claims(property.Value, who) is { } claimed)
                        return new(null, null, claimed);
                }
                w.WriteString("operator", who.OperatorId);
                w.WriteEndObject();
            }
            var (action, error) = ReviewActionMessage.Parse(buffer.ToArray());
            if (action is null) return new(null, error, null);
            var enterprise = who.EnterpriseId.Trim();
            return new(action with
            {
                Operator = who.OperatorId,
                OperatorName = who.Name.Trim().Length > 0 ? who.Name.Trim() : null,
                Source = SourcePrefix + who.OperatorId,
                EnterpriseId = enterprise.Length > 0 ? enterprise : null,
            }, null, null);
        }
    }

    // Anything but nothing or the operator's own id is a claim to be someone else (a number or an object too).
    private static string? Claims(JsonElement value, GuardOperatorOptions who) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when value.GetString() is var s && (string.IsNullOrWhiteSpace(s) || s.Trim() == who.OperatorId) => null,
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
