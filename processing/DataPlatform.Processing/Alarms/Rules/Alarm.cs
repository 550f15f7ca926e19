using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>One raised alarm: a row of <c>alarms</c>, a message on <c>alarms</c> and a webhook body.</summary>
/// <remarks>
/// <para><paramref name="AlarmId"/>: Deterministic from (rule, dedupe key, window): repeats and redeliveries share
/// it.</para>
/// <para><paramref name="DedupeKey"/>: rule|enterprise|gate|plate or rule|device: what counts as "the same alarm
/// again".</para>
/// <para><paramref name="WindowStart"/>: Start of the dedupe window (UTC); the table's time column, fixed by the
/// id.</para>
/// <para><paramref name="RaisedAt"/>: Time of the input that raised it (China time).</para>
/// </remarks>
public sealed record Alarm(
    Guid AlarmId,
    string RuleId,
    string Source,
    string Severity,
    string Title,
    string DedupeKey,
    DateTime WindowStart,
    DateTimeOffset RaisedAt,
    string EnterpriseId,
    string GateId,
    string Subject,
    string SourceId,
    string Detail)
{
    // Chinese titles stay readable for webhook receivers (chat bots show the raw text).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">not an alarm.</exception>
    public static Alarm FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<Alarm>(json, Json) ?? throw new JsonException("empty alarm");
}
