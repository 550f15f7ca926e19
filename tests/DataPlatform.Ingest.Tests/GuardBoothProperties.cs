using System.Text;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.GuardBooth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests;

/// <summary>The guard booth's pure parts: manual passages and operator credentials.</summary>
public sealed class GuardBoothProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, ChinaTime.Offset);

    private static readonly Gen<string> Field = Gen.Elements(
        "\"gateId\":\"G01\"", "\"gateId\":\"G/1\"", "\"laneId\":\"L1\"", "\"direction\":1", "\"direction\":\"out\"", "\"direction\":7",
        "\"passTime\":\"2026-11-28T09:30:00+08:00\"", "\"passTime\":\"yesterday\"", "\"plateNo\":\"冀B12345\"", "\"plateNo\":\"冀I12345\"",
        "\"plateColor\":\"yellow\"", "\"plateColor\":\"purple\"", "\"note\":\"补录\"", "\"pictures\":[\"sha256:" + new string('a', 64) + "\"]",
        "\"pictures\":[\"@@@\"]", "\"pictures\":7", "\"extra\":1", "\"enterpriseId\":\"E2\"", "\"vehicleType\":\"H11\"");

    private static (GateEvent? Event, string Note, Rejection? Rejection) Read(string json) =>
        ManualPassage.Read(JsonDocument.Parse(json).RootElement, "guard-01", "E1", Now,
            text => text.StartsWith("sha256:", StringComparison.Ordinal) ? (text, null) : (null, new Rejection("invalid_picture", "图片无效")));

    /// <summary>Any combination of fields is a gate event of the operator or a rejection with a Chinese reason,
    /// never an exception; the same input always gives the same event id.</summary>
    [Property(MaxTest = 1000)]
    public Property Any_manual_passage_is_an_event_of_the_operator_or_a_rejection() =>
        Prop.ForAll(Gen.ListOf(Field).ToArbitrary(), fields =>
        {
            var json = "{" + string.Join(",", fields.DistinctBy(f => f[..f.IndexOf(':')])) + "}";
            var (e, _, rejection) = Read(json);
            if (e is null) return rejection is { Code.Length: > 0 } && rejection.Reason.Length > 0;
            var (again, _, _) = Read(json);
            return rejection is null && e.DeviceId == "guard:guard-01" && e.EventId.StartsWith(ManualPassage.EventIdPrefix, StringComparison.Ordinal)
                   && again!.EventId == e.EventId && ManualPassage.AuditId(e.EventId) == ManualPassage.AuditId(again.EventId);
        });

    [Property(MaxTest = 300)]
    public Property Only_the_operator_s_own_token_or_signature_passes() =>
        Prop.ForAll(Gen.Elements("guard-token", "guard-tokem", "", "GUARD-TOKEN").ToArbitrary(), Gen.Elements("guard-01", "guard-02", "nobody").ToArbitrary(), (token, id) =>
        {
            var operators = new GuardOperators([new GuardOperatorOptions { OperatorId = "guard-01", Token = "guard-token" },
                new GuardOperatorOptions { OperatorId = "guard-02", HmacSecret = "s" }]);
            var body = Encoding.UTF8.GetBytes("{}");
            var (who, failure) = operators.Authenticate(id, new PushCredentials("Bearer " + token, null, null, null, null), body, Now, TimeSpan.FromMinutes(5));
            var expected = id == "guard-01" && token == "guard-token";
            return (who is not null) == expected && (failure is null) == expected;
        });

    [Fact]
    public void A_misconfigured_operator_stops_the_start()
    {
        Assert.Throws<InvalidOperationException>(() => new GuardOperators([new GuardOperatorOptions { OperatorId = "g 1", Token = "t" }]));
        Assert.Throws<InvalidOperationException>(() => new GuardOperators([new GuardOperatorOptions { OperatorId = "g1" }]));
        Assert.Throws<InvalidOperationException>(() => new GuardOperators([
            new GuardOperatorOptions { OperatorId = "g1", Token = "a" }, new GuardOperatorOptions { OperatorId = "g1", Token = "b" }]));
    }
}
