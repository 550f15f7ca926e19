using System.Globalization;
using System.Text;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests;

/// <summary>Who a guard-booth review is recorded under: the operator whose credential signed the request, whatever
/// the headers and the body claim.</summary>
public sealed class GuardBoothReviewProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly GuardOperatorOptions A = new() { OperatorId = "guard-a", Name = "1号门岗 张三", EnterpriseId = "E1302001", HmacSecret = "secret-a" };
    private static readonly GuardOperatorOptions B = new() { OperatorId = "guard-b", Name = "2号门岗 李四", HmacSecret = "secret-b", Token = "token-b" };
    private static readonly GuardOperators Operators = new([A, B]);

    // Review fields, valid and not, and every way a body could try to name its operator or source.
    private static readonly Gen<string> Field = Gen.Elements(
        "\"actionId\":\"booth-1\"", "\"actionId\":\"bad id\"", "\"passageId\":\"6f1c2c8e-2a7b-4c43-9a55-0d2a1b3c4d5e\"",
        "\"action\":\"approve\"", "\"action\":\"correct\"", "\"action\":\"reject\"", "\"action\":\"delete\"",
        "\"requestedAt\":\"2026-11-28T09:59:00+08:00\"", "\"reason\":\"现场核对\"", "\"plateNo\":\"冀B88880\"", "\"rejectKind\":\"duplicate\"",
        "\"operator\":\"guard-b\"", "\"Operator\":\"guard-b\"", "\"OPERATOR\":\"guard-b\"", "\"oper\\u0061tor\":\"guard-b\"",
        "\"operator\":\"guard-a\"", "\"operator\":\"\"", "\"operator\":null", "\"operator\":7", "\"operator\":\"王五\"",
        "\"source\":\"cli\"", "\"Source\":\"guard-booth:guard-b\"", "\"operatorName\":\"李四\"", "\"enterpriseId\":\"E9\"");

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.ListOf(Field).Select(fields => "{" + string.Join(",", fields) + "}"),
        Gen.Elements("", "null", "[]", "{", "\"operator\"", "{\"operator\":\"guard-b\"", "{}"),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    /// <summary>A request signed by A, whatever operator header and body it carries, is refused or recorded as A —
    /// never as B, never under a source or enterprise of the body's choosing.</summary>
    [Property(MaxTest = 2000)]
    public Property A_request_signed_by_operator_a_is_never_recorded_as_operator_b() =>
        Prop.ForAll(Body.ToArbitrary(), Gen.Elements("guard-a", "guard-b", "", "GUARD-A").ToArbitrary(), (body, header) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var ts = Now.ToUnixTimeSeconds();
            var signedByA = PushCredentials.None with
            {
                Timestamp = ts.ToString(CultureInfo.InvariantCulture), Signature = HmacSignature.Compute(A.HmacSecret, header, ts, bytes),
            };
            var (who, failure) = Operators.Authenticate(header, signedByA, bytes, Now, TimeSpan.FromMinutes(5));
            if (who is null) return failure is { Length: > 0 } && header != "guard-a";
            if (who.OperatorId != "guard-a") return false;
            var read = GuardBoothReview.Read(bytes, who);
            if (read.Action is not { } action) return (read.Error is { Length: > 0 }) ^ (read.ClaimedOperator is not null);
            return action.Operator == "guard-a" && action.Source == "guard-booth:guard-a" && action.OperatorName == A.Name
                   && action.EnterpriseId == A.EnterpriseId && ReviewActionMessage.Parse(action.ToJson()).Action?.Operator == "guard-a";
        });

    /// <summary>A body naming anyone else is refused as an impersonation (so the alarm names it), not rewritten.</summary>
    [Property(MaxTest = 500)]
    public Property A_body_naming_another_operator_is_refused_as_impersonation() =>
        Prop.ForAll(Gen.Elements("guard-b", "王五", "guard-a ", "GUARD-A").ToArbitrary(), Gen.Elements("operator", "Operator", "OPERATOR").ToArbitrary(), (claimed, name) =>
        {
            var body = $$"""{"actionId":"booth-9","passageId":"6f1c2c8e-2a7b-4c43-9a55-0d2a1b3c4d5e","action":"approve","{{name}}":"{{claimed}}","requestedAt":"2026-11-28T09:59:00+08:00","reason":""}""";
            var read = GuardBoothReview.Read(Encoding.UTF8.GetBytes(body), A);
            return claimed.Trim() == "guard-a" ? read.Action?.Operator == "guard-a" : read.Action is null && read.ClaimedOperator == claimed;
        });

    [Fact]
    public void An_action_without_an_operator_is_recorded_under_the_authenticated_one()
    {
        var body = """{"actionId":"booth-2","passageId":"6f1c2c8e-2a7b-4c43-9a55-0d2a1b3c4d5e","action":"correct","requestedAt":"2026-11-28T09:59:00+08:00","reason":"现场核对行驶证","plateNo":"冀B88880"}""";
        var read = GuardBoothReview.Read(Encoding.UTF8.GetBytes(body), B);
        Assert.NotNull(read.Action);
        Assert.Equal(("guard-b", "guard-booth:guard-b", "2号门岗 李四", (string?)null), (read.Action.Operator, read.Action.Source, read.Action.OperatorName, read.Action.EnterpriseId));
    }
}
