using DataPlatform.Gate;

namespace DataPlatform.Compliance.Reviews;

/// <summary>
/// The manual-review rules, pure: a passage is never edited; its effective state is the fold of its review actions
/// over the values it was recorded with. Every action either applies (status becomes the action's: approved,
/// corrected, rejected; a correction replaces the values it names) or is refused with a Chinese reason and changes
/// nothing — refused actions are dead-lettered, never half-applied.
/// <list type="bullet">
/// <item>approve: only a passage that is pending or rejected (re-instated) — approving a certain record would only
/// publish it again.</item>
/// <item>correct: the new plate must parse (plate grammar), the colour and type must be known codes, and something
/// must change; allowed from any status (a reviewer may correct an unflagged misread, or a rejected passage).</item>
/// <item>reject: not twice.</item>
/// </list>
/// </summary>
public static class ReviewRules
{
    public static (ReviewState? Next, string? Error) Apply(ReviewState current, ReviewStep step)
    {
        switch (step.Action)
        {
            case ReviewStep.Approve:
                if (current.Status is not (ReviewStatus.Pending or ReviewStatus.Rejected))
                    return (null, $"该记录状态为{current.Status.ChineseName}，无需确认");
                return (current with { Status = ReviewStatus.Approved, Resolutions = current.Resolutions + 1 }, null);
            case ReviewStep.Correct:
                if (Corrected(current.Effective, step) is not { } values)
                    return (null, CorrectionError(step) ?? "更正内容与当前记录相同");
                return (new ReviewState(ReviewStatus.Corrected, values, current.Resolutions + 1), null);
            case ReviewStep.Reject:
                if (current.Status == ReviewStatus.Rejected)
                    return (null, "该记录已被驳回");
                return (current with { Status = ReviewStatus.Rejected, Resolutions = current.Resolutions + 1 }, null);
            default:
                return (null, $"未知的审核动作 '{step.Action}'");
        }
    }

    /// <summary>Applies the steps in order, skipping refused ones.</summary>
    public static ReviewState Fold(ReviewState initial, IEnumerable<ReviewStep> steps)
    {
        var state = initial;
        foreach (var step in steps)
            if (Apply(state, step).Next is { } next)
                state = next;
        return state;
    }

    /// <summary>The corrected values, normalised; null when invalid or unchanged.</summary>
    private static ReviewedValues? Corrected(ReviewedValues current, ReviewStep step)
    {
        if (CorrectionError(step) is not null) return null;
        var plate = step.PlateNo is null ? current.PlateNo : PlateNumber.Parse(step.PlateNo).Text;
        var color = step.PlateColor is null ? current.PlateColor : ParseColor(step.PlateColor).ToWireName();
        var type = step.VehicleType is null ? current.VehicleType : VehicleType.Parse(step.VehicleType).Code;
        var next = new ReviewedValues(plate, color, type);
        return next == current ? null : next;
    }

    private static string? CorrectionError(ReviewStep step)
    {
        if (step.PlateNo is null && step.PlateColor is null && step.VehicleType is null)
            return "更正至少要给出号牌、颜色或车型之一";
        if (step.PlateNo is not null && !PlateNumber.TryParse(step.PlateNo, out _, out var plateReason))
            return $"更正的号牌 {step.PlateNo} 不符合编码规则：{plateReason}";
        if (step.PlateColor is not null && !PlateColor.TryParse(step.PlateColor, out _, out var colorReason))
            return $"更正的号牌颜色 {step.PlateColor} 无效：{colorReason}";
        if (step.VehicleType is not null && !VehicleType.TryParse(step.VehicleType, out _, out var typeReason))
            return $"更正的车辆类型 {step.VehicleType} 无效：{typeReason}";
        return null;
    }

    private static PlateColor ParseColor(string text) =>
        PlateColor.TryParse(text, out var color, out _) ? color : throw new ArgumentException("checked before", nameof(text));
}
