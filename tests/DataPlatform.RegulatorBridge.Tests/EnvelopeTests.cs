using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Signing;
using DataPlatform.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using static DataPlatform.RegulatorBridge.Tests.Fixture;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class EnvelopeTests
{
    private static readonly TestKeys EnterpriseKeys = TestKeys.Generate();
    private static readonly TestKeys PlatformKeys = TestKeys.Generate();

    private static readonly EnvelopeStyle Style = new();
    private static readonly EnvelopeBuilder Ours = new(Style, Enterprise, EnterpriseKeys.Signer());
    private static readonly EnvelopeBuilder PlatformSide = new(Style, Platform, PlatformKeys.Signer());
    private static readonly EnvelopeVerifier PlatformChecksUs = new(Style, EnterpriseKeys.Verifier());
    private static readonly EnvelopeVerifier WeCheckPlatform = new(Style, PlatformKeys.Verifier());

    private const string PassageData = """{"recordId":"E1302001-P-1","plateNo":"冀B12345","cargoName":"焦炭","fleetName":"唐山市丰润区顺达运输有限公司"}""";

    [Fact]
    public void Built_envelope_has_the_baseline_fields_and_China_time_and_verifies()
    {
        var envelope = Ours.Build("gate.passage.upload", PassageData, Now.ToUniversalTime(), "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        using var json = JsonDocument.Parse(envelope.Json);
        var root = json.RootElement;
        Assert.Equal(["appId", "entCode", "method", "timestamp", "nonce", "version", "signType", "data", "sign"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-28 10:15:30", root.GetProperty("timestamp").GetString());
        Assert.Equal("RSA2", root.GetProperty("signType").GetString());
        Assert.Equal(PassageData, root.GetProperty("data").GetString());
        // Chinese travels as UTF-8, not \u escapes.
        Assert.Contains("冀B12345", envelope.Json);

        var verification = PlatformChecksUs.VerifyCommand(envelope.Json, Now.AddSeconds(3), new NonceWindow(Style.MessageWindow));
        Assert.True(verification.IsAccepted, verification.Rejection?.ToString());
        Assert.Equal(PassageData, verification.Envelope!.Get("data"));
    }

    public sealed record Reorder(string Data, int Seed);

    [Property(MaxTest = 60)]
    public Property Reordering_the_JSON_fields_never_breaks_verification_but_any_edit_does() =>
        Prop.ForAll(
            (from data in Gens.UnicodeText(1, 20) from seed in Gen.Choose(0, 1_000_000) select new Reorder(data, seed)).ToArbitrary(),
            c =>
            {
                var json = JsonSerializer.Serialize(new { plate = "冀B12345", note = c.Data });
                var envelope = PlatformSide.Build("gate.command.push", json, Now, $"n-{c.Seed}");
                var fields = JsonNode.Parse(envelope.Json)!.AsObject().Select(p => (p.Key, Value: p.Value!.GetValue<string>())).ToList();
                var shuffled = new JsonObject(Seeded.Shuffle(fields, c.Seed).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value))));
                Assert.True(WeCheckPlatform.VerifyResponse(shuffled.ToJsonString(), Now).IsAccepted);

                var target = fields[c.Seed % fields.Count];
                if (target.Key == "sign")
                    return;
                shuffled[target.Key] = target.Value + "改";
                var tampered = WeCheckPlatform.VerifyResponse(shuffled.ToJsonString(), Now);
                Assert.Equal(
                    target.Key == "signType" ? EnvelopeRejectionReason.UnsupportedSignType : EnvelopeRejectionReason.BadSignature,
                    tampered.Rejection?.Reason);
            });

    [Fact]
    public void A_message_signed_with_another_key_is_a_bad_signature()
    {
        var forged = Ours.Build("gate.command.push", "{}", Now, "n1");
        var result = WeCheckPlatform.VerifyCommand(forged.Json, Now, new NonceWindow(Style.MessageWindow));
        Assert.Equal(EnvelopeRejectionReason.BadSignature, result.Rejection?.Reason);
        Assert.Contains("签名", result.Rejection!.Message);
    }

    [Theory]
    [InlineData(-301, EnvelopeRejectionReason.Expired)]
    [InlineData(301, EnvelopeRejectionReason.Expired)]
    [InlineData(-299, null)]
    [InlineData(299, null)]
    public void Timestamps_outside_the_window_either_way_are_expired(int offsetSeconds, EnvelopeRejectionReason? expected)
    {
        var message = PlatformSide.Build("gate.command.push", "{}", Now.AddSeconds(offsetSeconds), "n-" + offsetSeconds);
        var result = WeCheckPlatform.VerifyCommand(message.Json, Now, new NonceWindow(Style.MessageWindow));
        Assert.Equal(expected, result.Rejection?.Reason);
    }

    [Fact]
    public void A_replayed_nonce_is_refused_but_a_forgery_does_not_poison_the_window()
    {
        var nonces = new NonceWindow(Style.MessageWindow);
        var genuine = PlatformSide.Build("gate.command.push", "{}", Now, "nonce-1");
        var forged = Ours.Build("gate.command.push", "{}", Now, "nonce-1");

        Assert.Equal(EnvelopeRejectionReason.BadSignature, WeCheckPlatform.VerifyCommand(forged.Json, Now, nonces).Rejection?.Reason);
        Assert.True(WeCheckPlatform.VerifyCommand(genuine.Json, Now.AddSeconds(1), nonces).IsAccepted);
        Assert.Equal(EnvelopeRejectionReason.Replayed, WeCheckPlatform.VerifyCommand(genuine.Json, Now.AddSeconds(2), nonces).Rejection?.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"data":"\uD800"}""")]
    public void Malformed_messages_are_refused_with_a_reason(string json)
    {
        var result = WeCheckPlatform.VerifyCommand(json, Now, new NonceWindow(Style.MessageWindow));
        Assert.Equal(EnvelopeRejectionReason.Malformed, result.Rejection?.Reason);
        Assert.NotEmpty(result.Rejection!.Message);
    }

    [Fact]
    public void Missing_fields_and_foreign_sign_types_are_named()
    {
        var message = JsonNode.Parse(PlatformSide.Build("m", "{}", Now, "n2").Json)!.AsObject();
        message.Remove("sign");
        Assert.Equal(EnvelopeRejectionReason.MissingField, WeCheckPlatform.VerifyResponse(message.ToJsonString(), Now).Rejection?.Reason);
        message["sign"] = "AAAA";
        message["signType"] = "MD5";
        Assert.Equal(EnvelopeRejectionReason.UnsupportedSignType, WeCheckPlatform.VerifyResponse(message.ToJsonString(), Now).Rejection?.Reason);
    }

    [Fact]
    public void Nonce_window_forgets_only_after_the_window_and_stays_bounded()
    {
        var window = new NonceWindow(TimeSpan.FromMinutes(5));
        Assert.True(window.TryAccept("a", Now, Now));
        Assert.False(window.TryAccept("a", Now, Now.AddMinutes(4)));
        Assert.True(window.Contains("a", Now.AddMinutes(5)));
        Assert.False(window.Contains("a", Now.AddMinutes(5).AddSeconds(1)));
        for (var i = 0; i < 1000; i++)
            window.TryAccept("n" + i, Now.AddSeconds(i), Now.AddSeconds(i));
        Assert.InRange(window.Count, 300, 302);
    }

    [Fact]
    public void Responses_give_the_code_and_count_the_duplicate_code_as_acknowledged()
    {
        var style = new EnvelopeStyle { DuplicateCode = "1002" };
        var verifier = new EnvelopeVerifier(style, PlatformKeys.Verifier());
        string Response(string code)
        {
            var fields = new List<KeyValuePair<string, string?>>
            {
                new("code", code), new("msg", code == "0" ? "成功" : "重复记录"), new("data", """{"fileId":"F-0001"}"""),
                new("timestamp", "2026-11-28 10:15:31"), new("signType", "RSA2"),
            };
            var sign = PlatformKeys.Signer().Sign(SignString.Build(fields));
            // Relaxed escaping keeps 成功 readable, so the tampering below can find it.
            return JsonSerializer.Serialize(fields.Append(new("sign", sign)).ToDictionary(f => f.Key, f => f.Value),
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        Assert.True(ResponseReader.TryRead(verifier, Response("0"), Now, out var ok, out _));
        Assert.True(ok.Acknowledged);
        Assert.False(ok.Duplicate);
        Assert.Equal("成功", ok.Message);
        Assert.True(ResponseReader.TryRead(verifier, Response("1002"), Now, out var duplicate, out _));
        Assert.True(duplicate.Acknowledged && duplicate.Duplicate);
        Assert.True(ResponseReader.TryRead(verifier, Response("500"), Now, out var refused, out _));
        Assert.False(refused.Acknowledged);
        var tampered = Response("0").Replace("成功", "失败");
        Assert.Contains("失败", tampered);
        Assert.False(ResponseReader.TryRead(verifier, tampered, Now, out _, out var rejection));
        Assert.Equal(EnvelopeRejectionReason.BadSignature, rejection.Reason);
    }

    [Fact]
    public void The_builder_refuses_a_public_only_key()
    {
        Assert.Throws<ArgumentException>(() => new EnvelopeBuilder(Style, Enterprise, EnterpriseKeys.Verifier()));
    }
}
