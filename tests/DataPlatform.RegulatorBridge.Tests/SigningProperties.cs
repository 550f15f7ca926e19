using System.Security.Cryptography;
using DataPlatform.RegulatorBridge.Signing;
using DataPlatform.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class SigningProperties
{
    private static readonly TestKeys Keys = TestKeys.Generate();
    private static readonly Rsa2Signer Signer = Keys.Signer();
    private static readonly Rsa2Signer Verifier = Keys.Verifier();

    private static readonly string[] EnvelopeKeys = ["appId", "entCode", "method", "timestamp", "nonce", "version", "signType", "data"];

    public sealed record Case(IReadOnlyList<KeyValuePair<string, string?>> Fields, int Seed, int Target, string Replacement)
    {
        public override string ToString() =>
            string.Join("\n", Fields.Select(f => $"{f.Key}={f.Value}")) + $"\nseed {Seed}, change #{Target} to «{Replacement}»";
    }

    private static readonly Gen<Case> CaseGen =
        from values in Gen.ArrayOf(Gens.UnicodeText(1, 12), EnvelopeKeys.Length)
        from extra in Gen.Elements(0, 0, 1, 2)
        from extraValues in Gen.ArrayOf(Gens.UnicodeText(0, 6), extra)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from target in Gen.Choose(0, EnvelopeKeys.Length + extra - 1)
        from replacement in Gens.UnicodeText(1, 12)
        select new Case(
            EnvelopeKeys.Select((k, i) => new KeyValuePair<string, string?>(k, values[i]))
                .Concat(extraValues.Select((v, i) => new KeyValuePair<string, string?>("x" + (char)('A' + i), v)))
                .ToList(),
            seed, target, replacement);

    [Property(MaxTest = 200)]
    public Property Field_order_never_changes_the_sign_string_or_the_signature_validity() =>
        Prop.ForAll(CaseGen.ToArbitrary(), c =>
        {
            var shuffled = Seeded.Shuffle(c.Fields, c.Seed);
            var canonical = SignString.Build(c.Fields);
            Assert.Equal(canonical, SignString.Build(shuffled));
            var signature = Signer.Sign(canonical);
            Assert.True(Verifier.Verify(SignString.Build(shuffled), signature));
        });

    [Property(MaxTest = 200)]
    public Property Any_change_to_any_field_breaks_the_signature() =>
        Prop.ForAll(CaseGen.ToArbitrary(), c =>
        {
            var signature = Signer.Sign(SignString.Build(c.Fields));
            var target = c.Fields[c.Target];
            var replacement = target.Value == c.Replacement ? c.Replacement + "x" : c.Replacement;
            var changed = c.Fields.Select((f, i) => i == c.Target ? new KeyValuePair<string, string?>(f.Key, replacement) : f).ToList();
            Assert.False(Verifier.Verify(SignString.Build(changed), signature));

            // Dropping a non-empty field, or adding one, breaks it too.
            if (!string.IsNullOrEmpty(target.Value))
            {
                var dropped = c.Fields.Where((_, i) => i != c.Target).ToList();
                Assert.False(Verifier.Verify(SignString.Build(dropped), signature));
            }
            var added = c.Fields.Append(new("zExtra", replacement)).ToList();
            Assert.False(Verifier.Verify(SignString.Build(added), signature));
        });

    [Property(MaxTest = 200)]
    public Property Empty_fields_and_the_sign_field_never_take_part() =>
        Prop.ForAll(CaseGen.ToArbitrary(), c =>
        {
            var withNoise = c.Fields
                .Append(new("sign", "c2lnbg=="))
                .Append(new("emptyOne", ""))
                .Append(new("nullOne", null))
                .ToList();
            Assert.Equal(SignString.Build(c.Fields), SignString.Build(withNoise));
        });

    [Fact]
    public void Sign_string_follows_the_spec_example_with_Chinese_data_exactly_as_sent()
    {
        var data = """{"plateNo":"冀B12345","cargoName":"焦炭","a":"x&y=z"}""";
        var text = SignString.Build(
        [
            new("version", "1.0"), new("sign", "ignored"), new("method", "gate.passage.upload"),
            new("appId", "TS-GATE-0001"), new("data", data), new("nonce", ""), new("entCode", "E1302001"),
            new("timestamp", "2026-11-28 10:15:30"), new("signType", "RSA2"),
        ]);
        Assert.Equal(
            "appId=TS-GATE-0001&data=" + data + "&entCode=E1302001&method=gate.passage.upload&signType=RSA2&timestamp=2026-11-28 10:15:30&version=1.0",
            text);
    }

    [Fact]
    public void Keys_are_sorted_by_ordinal_ASCII_order_not_culture_order()
    {
        // Culture-aware order would put "a" before "B"; ASCII puts upper case first.
        Assert.Equal("B=2&a=1&b=3", SignString.Build([new("b", "3"), new("a", "1"), new("B", "2")]));
    }

    [Fact]
    public void A_duplicate_key_is_refused_rather_than_silently_picking_one()
    {
        Assert.Throws<ArgumentException>(() => SignString.Build([new("a", "1"), new("a", "2")]));
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_signed_because_it_would_collide_with_U_FFFD()
    {
        Assert.Throws<ArgumentException>(() => SignString.ToBytes("车\uD800"));
        Assert.False(Verifier.Verify("车\uD800", Signer.Sign("车\uFFFD")));
    }

    [Fact]
    public void Signature_is_standard_Base64_of_a_2048_bit_PKCS1_SHA256_signature()
    {
        var signature = Signer.Sign("appId=1&data={}");
        var bytes = Convert.FromBase64String(signature);
        Assert.Equal(256, bytes.Length);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Keys.PublicPem);
        Assert.True(rsa.VerifyData("appId=1&data={}"u8, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Public_keys_are_read_as_SubjectPublicKeyInfo_and_as_PKCS1()
    {
        var signature = Signer.Sign("签名测试");
        using var pkcs1 = Rsa2Signer.FromPublicKeyPem(Keys.Pkcs1PublicPem);
        Assert.True(pkcs1.Verify("签名测试", signature));
        Assert.False(pkcs1.CanSign);
        Assert.Throws<InvalidOperationException>(() => pkcs1.Sign("x"));
    }

    [Fact]
    public void Keys_below_2048_bits_are_rejected_with_a_reason()
    {
        var small = TestKeys.Generate(1024);
        Assert.False(Rsa2Signer.TryFromPrivateKeyPem(small.PrivatePem, out _, out var reason));
        Assert.Contains("1024", reason);
        Assert.False(Rsa2Signer.TryFromPublicKeyPem(small.PublicPem, out _, out reason));
        Assert.Contains("2048", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----")]
    public void Unusable_private_key_text_is_rejected_not_thrown(string pem)
    {
        Assert.False(Rsa2Signer.TryFromPrivateKeyPem(pem, out var signer, out var reason));
        Assert.Null(signer);
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Public_and_private_keys_are_not_interchangeable()
    {
        Assert.False(Rsa2Signer.TryFromPrivateKeyPem(Keys.PublicPem, out _, out _));
        Assert.False(Rsa2Signer.TryFromPublicKeyPem(Keys.PrivatePem, out _, out var reason));
        Assert.Contains("public", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!not base64")]
    [InlineData("AAAA")]
    public void Verify_is_false_for_garbage_signatures(string? signature)
    {
        Assert.False(Verifier.Verify("appId=1", signature));
    }
}
