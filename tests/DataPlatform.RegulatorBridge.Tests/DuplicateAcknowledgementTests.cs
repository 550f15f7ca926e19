using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Transports;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>An answer whose data says <c>"duplicate": true</c> (the baseline platform's way, with the success code)
/// is an acknowledgement recorded as a duplicate one, not a plain first acceptance.</summary>
public sealed class DuplicateAcknowledgementTests
{
    private static readonly TestKeys PlatformKeys = TestKeys.Generate();
    private static readonly EnvelopeStyle Style = new();
    private static readonly ResponseBuilder Platform = new(Style, PlatformKeys.Signer());
    private static readonly EnvelopeVerifier WeCheckPlatform = new(Style, PlatformKeys.Verifier());

    private static TransportReply Classify(string data) =>
        ReplyClassifier.Classify(WeCheckPlatform, Platform.Build(Style.SuccessCode, "成功", data, Now), Now);

    [Fact]
    public void A_success_answer_with_duplicate_true_is_a_duplicate_acknowledgement()
    {
        var reply = Classify("""{"recordId":"E1302001-P-1","duplicate":true}""");
        Assert.Equal(AttemptOutcome.Duplicate, reply.Outcome);
        Assert.True(reply.IsAcknowledged);
    }

    [Theory]
    [InlineData("""{"recordId":"E1302001-P-1","duplicate":false}""")]
    [InlineData("""{"recordId":"E1302001-P-1"}""")]
    [InlineData("""{"duplicate":"true"}""")]
    [InlineData("F-0001")]
    public void Anything_else_with_the_success_code_is_a_first_acceptance(string data)
    {
        var reply = Classify(data);
        Assert.Equal(AttemptOutcome.Acknowledged, reply.Outcome);
    }

    [Fact]
    public void A_refusal_that_mentions_duplicate_is_still_a_refusal()
    {
        var reply = ReplyClassifier.Classify(WeCheckPlatform, Platform.Build(PlatformCodes.BusinessRefusal, "拒收", """{"duplicate":true}""", Now), Now);
        Assert.Equal(AttemptOutcome.Refused, reply.Outcome);
    }
}
