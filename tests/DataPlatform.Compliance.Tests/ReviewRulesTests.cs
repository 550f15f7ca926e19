using DataPlatform.Compliance.Reviews;

namespace DataPlatform.Compliance.Tests;

public sealed class ReviewRulesTests
{
    private static readonly ReviewedValues Recorded = new("冀B1234S", "yellow", "H11");

    [Fact]
    public void A_flagged_passage_is_pending_and_not_certain_until_a_reviewer_acts()
    {
        var state = ReviewState.Initial(Recorded, flagged: true);
        Assert.Equal(ReviewStatus.Pending, state.Status);
        Assert.False(state.Status.IsCertain);
        Assert.True(ReviewState.Initial(Recorded, flagged: false).Status.IsCertain);
    }

    [Fact]
    public void A_correction_replaces_only_the_fields_it_names_normalised()
    {
        var (next, error) = ReviewRules.Apply(ReviewState.Initial(Recorded, true), new ReviewStep(ReviewStep.Correct, PlateNo: "冀b12345"));
        Assert.Null(error);
        Assert.Equal(ReviewStatus.Corrected, next!.Status);
        Assert.Equal(new ReviewedValues("冀B12345", "yellow", "H11"), next.Effective);
        Assert.Equal(1, next.Resolutions);
        Assert.True(next.Status.IsCertain);
    }

    [Fact]
    public void Invalid_or_empty_corrections_are_refused_with_a_reason_and_change_nothing()
    {
        var pending = ReviewState.Initial(Recorded, true);
        Assert.Contains("不符合编码规则", ReviewRules.Apply(pending, new ReviewStep(ReviewStep.Correct, PlateNo: "XX")).Error);
        Assert.Contains("号牌颜色", ReviewRules.Apply(pending, new ReviewStep(ReviewStep.Correct, PlateColor: "purple")).Error);
        Assert.Contains("相同", ReviewRules.Apply(pending, new ReviewStep(ReviewStep.Correct, PlateNo: "冀B1234S")).Error);
        Assert.NotNull(ReviewRules.Apply(pending, new ReviewStep(ReviewStep.Correct)).Error);
        Assert.Equal(pending, ReviewRules.Fold(pending, [new ReviewStep(ReviewStep.Correct, PlateNo: "XX")]));
    }

    [Fact]
    public void Approve_needs_a_pending_or_rejected_passage_and_reject_is_not_repeated()
    {
        var certain = ReviewState.Initial(Recorded, false);
        Assert.NotNull(ReviewRules.Apply(certain, new ReviewStep(ReviewStep.Approve)).Error);
        var rejected = ReviewRules.Apply(certain, new ReviewStep(ReviewStep.Reject)).Next!;
        Assert.Equal(ReviewStatus.Rejected, rejected.Status);
        Assert.False(rejected.Status.IsCertain);
        Assert.NotNull(ReviewRules.Apply(rejected, new ReviewStep(ReviewStep.Reject)).Error);
        Assert.Equal(ReviewStatus.Approved, ReviewRules.Apply(rejected, new ReviewStep(ReviewStep.Approve)).Next!.Status);
    }
}
