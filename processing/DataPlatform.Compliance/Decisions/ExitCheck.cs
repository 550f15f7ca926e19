namespace DataPlatform.Compliance.Decisions;

/// <summary>The exit condition as a pure function of the trip state: weighed, and the booking (if any) closed.</summary>
public static class ExitCheck
{
    public static ExitCheckResult Check(TripState state) => Check(state, ExitRequirements.Default);

    public static ExitCheckResult Check(TripState state, ExitRequirements requirements)
    {
        var missing = new List<string>();
        if (requirements.RequireEntry && !state.HasEntry)
            missing.Add("无入厂记录");
        if (requirements.RequireWeighing && !state.IsWeighed)
            missing.Add("未完成过磅");
        if (requirements.RequireClosedBooking && state.HasBooking && !state.IsBookingClosed)
            missing.Add("预约未关闭");
        return new ExitCheckResult(missing.Count == 0, missing);
    }
}
