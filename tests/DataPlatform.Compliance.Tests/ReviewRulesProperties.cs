using DataPlatform.Compliance.Reviews;

namespace DataPlatform.Compliance.Tests;

public sealed class ReviewRulesProperties
{
    private static readonly Gen<ReviewStep> StepGen = Gen.OneOf(
        Gen.Constant(new ReviewStep(ReviewStep.Approve)),
        Gen.Constant(new ReviewStep(ReviewStep.Reject)),
        from plate in Gen.OneOf(Gens.OrdinaryPlateText.Select(p => (string?)p), Gen.Constant((string?)null), Gen.Constant((string?)"坏号牌"))
        from color in Gen.Elements<string?>(null, "yellow", "blue", "purple")
        from type in Gen.Elements<string?>(null, "H11", "Q21", "ZZZ")
        select new ReviewStep(ReviewStep.Correct, plate, color, type));

    private static readonly Gen<(ReviewState Initial, ReviewStep[] Steps)> ScenarioGen =
        from plate in Gens.OrdinaryPlateText
        from flagged in Gen.Elements(true, false)
        from steps in Gen.ArrayOf(StepGen)
        select (ReviewState.Initial(new ReviewedValues(plate, "yellow", "H11"), flagged), steps);

    [Property(MaxTest = 500)]
    public Property Each_step_applies_wholly_or_not_at_all_and_the_status_is_the_last_applied_action() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), s =>
        {
            var state = s.Initial;
            string? lastApplied = null;
            var applied = 0;
            foreach (var step in s.Steps)
            {
                var (next, error) = ReviewRules.Apply(state, step);
                Assert.True((next is null) != (error is null));
                if (next is null) continue;
                Assert.Equal(state.Resolutions + 1, next.Resolutions);
                state = next;
                lastApplied = step.Action;
                applied++;
            }
            Assert.Equal(applied, state.Resolutions);
            var expected = lastApplied switch
            {
                null => s.Initial.Status,
                ReviewStep.Approve => ReviewStatus.Approved,
                ReviewStep.Correct => ReviewStatus.Corrected,
                _ => ReviewStatus.Rejected,
            };
            Assert.Equal(expected, state.Status);
            Assert.Equal(state, ReviewRules.Fold(s.Initial, s.Steps));
        });

    [Property(MaxTest = 500)]
    public Property Pending_until_resolved_and_values_change_only_by_corrections() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), s =>
        {
            var state = s.Initial;
            foreach (var step in s.Steps)
            {
                if (ReviewRules.Apply(state, step).Next is not { } next) continue;
                if (step.Action != ReviewStep.Correct) Assert.Equal(state.Effective, next.Effective);
                else Assert.NotEqual(state.Effective, next.Effective);
                state = next;
            }
            // Never counted as certain while pending or rejected; a flagged passage never becomes certain unreviewed.
            Assert.Equal(state.Status is ReviewStatus.None or ReviewStatus.Approved or ReviewStatus.Corrected, state.Status.IsCertain);
            if (state.Resolutions == 0) Assert.Equal(s.Initial, state);
        });
}
