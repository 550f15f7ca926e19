using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;

namespace DataPlatform.RegulatorBridge.Commands;

/// <summary>
/// Verified regulator commands → <c>control.commands</c> messages, written against processing's documented JSON
/// (processing/DataPlatform.Processing/Commands/README.md) so the bridge needs no reference to processing. Pure.
/// <list type="bullet">
/// <item>blacklist item → <c>blacklist.add</c> (with <c>removedAt</c> when the regulator lifts it);</item>
/// <item>emergency measure → <c>policy.add</c>: heavy trucks below the minimum stage are denied during the window,
/// special and 民生 vehicles exempt (spec §3). The minimum stage is read from the rule text (国四及以下 → 国五,
/// 国五以下 → 国五, 国五及以上 → 国五); without one, orange and red require 国五, yellow and blue 国四.</item>
/// </list>
/// Control command ids are derived from the regulator's id, so a command polled twice maps to the same message.
/// </summary>
public static partial class ControlCommandMapper
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message key: the enterprise, or <c>*</c> for a regulator-wide blacklist.</summary>
    public static (string Key, string Json) Map(RegulatorCommand command) => command switch
    {
        BlacklistCommand b => (b.EnterpriseId ?? "*", Blacklist(b)),
        EmergencyMeasureCommand m => (m.EnterpriseId, Measure(m)),
        _ => throw new ArgumentException($"no control mapping for {command.GetType().Name}", nameof(command)),
    };

    public static string ControlId(string regulatorId) =>
        ControlIdPattern().IsMatch(regulatorId) && regulatorId.Length <= 60
            ? "reg:" + regulatorId
            : "reg:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(regulatorId)))[..40];

    /// <summary>The lowest stage a heavy truck needs under a measure (see the class summary).</summary>
    public static int MinimumStage(string ruleText, AlertLevel level)
    {
        var match = StageInRule().Match(ruleText);
        if (match.Success)
        {
            var stage = "一二三四五六".IndexOf(match.Groups[1].Value[0], StringComparison.Ordinal) + 1;
            var qualifier = match.Groups[2].Value;
            return qualifier.StartsWith("及以下", StringComparison.Ordinal) ? Math.Min(6, stage + 1) : stage;
        }
        return level >= AlertLevel.Orange ? 5 : 4;
    }

    private static string Blacklist(BlacklistCommand b) => Write(w =>
    {
        Head(w, b, "blacklist.add");
        if (b.EnterpriseId is not null)
            w.WriteString("enterpriseId", b.EnterpriseId);
        w.WriteString("plateNo", b.Plate.Text);
        w.WriteString("plateColor", b.PlateColor.Code);
        w.WriteString("reason", b.Reason.Length > 0 ? b.Reason : "监管平台下发黑名单");
        w.WriteString("listedAt", Time(b.ListedAt));
        if (b.RemovedAt is { } removed && removed > b.ListedAt)
            w.WriteString("removedAt", Time(removed));
    });

    private static string Measure(EmergencyMeasureCommand m) => Write(w =>
    {
        Head(w, m, "policy.add");
        w.WriteString("enterpriseId", m.EnterpriseId);
        w.WriteString("policyId", ControlId(m.CommandId));
        w.WriteString("level", m.WarningLevel.ToString().ToLowerInvariant());
        w.WriteString("validFrom", Time(m.Start));
        w.WriteString("validTo", Time(m.End));
        w.WriteString("scope", "heavyTruck");
        w.WriteString("minimumStage", MinimumStage(m.RuleText, m.WarningLevel).ToString(CultureInfo.InvariantCulture));
        w.WriteStartArray("exemptions");
        w.WriteStringValue("special");
        w.WriteStringValue("livelihood");
        w.WriteEndArray();
        w.WriteString("action", "deny");
        w.WriteString("ruleText", m.RuleText);
    });

    private static void Head(Utf8JsonWriter w, RegulatorCommand c, string kind)
    {
        w.WriteString("commandId", ControlId(c.CommandId));
        w.WriteString("kind", kind);
        w.WriteString("issuedAt", Time(c.IssuedAt));
    }

    private static string Time(DateTimeOffset t) =>
        t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex ControlIdPattern();

    [GeneratedRegex("国([一二三四五六])(及以下|以下|及以上|以上)?")]
    private static partial Regex StageInRule();
}
