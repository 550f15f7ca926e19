using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPlatform.Processing.Decisions;

/// <summary>One decision on <c>gate.decisions</c>, keyed by <c>enterprise/gate/lane</c>; ingest relays it to the
/// barrier and the LED display. Times are China time (+08:00).</summary>
/// <remarks>
/// <para><paramref name="PassageId"/>: The ledger's passage id of the event (same id in <c>passages</c> and
/// <c>gate_decisions</c>).</para>
/// <para><paramref name="Outcome"/>: <c>allow</c>, <c>deny</c> or <c>manual</c>.</para>
/// <para><paramref name="OutcomeText"/>: 允许通行 / 禁止通行 / 人工核验.</para>
/// <para><paramref name="RuleId"/>: blacklist, hazmat-booking, unknown-vehicle, default-allow, exit-condition or
/// policy:&lt;id&gt;.</para>
/// <para><paramref name="DisplayText"/>: The LED line: "冀B12345 国四 橙色预警管控中 禁止通行".</para>
/// <para><paramref name="PolicyVersion"/>: The policy state version the decision was made with.</para>
/// </remarks>
public sealed record GateDecisionMessage(
    string EventId,
    Guid PassageId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    int Direction,
    DateTimeOffset PassTime,
    string PlateNo,
    string PlateColor,
    string Outcome,
    string OutcomeText,
    string RuleId,
    string RuleText,
    string DisplayText,
    string Stage,
    string ControlStatus,
    IReadOnlyList<string> Reasons,
    DateTimeOffset DecidedAt,
    long PolicyVersion)
{
    // Chinese texts stay readable on the topic; the payload is never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string PartitionKey => $"{EnterpriseId}/{GateId}/{LaneId}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">not a decision message.</exception>
    public static GateDecisionMessage FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<GateDecisionMessage>(json, Json) ?? throw new JsonException("empty decision");
}
