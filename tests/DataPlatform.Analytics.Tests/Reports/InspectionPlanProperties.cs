using DataPlatform.Reports.Inspection;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.Reports;

public class InspectionPlanProperties
{
    private static List<DateOnly> Days(IEnumerable<byte> offsets) => offsets.Select(o => new DateOnly(2026, 10, 1).AddDays(o % 31)).ToList();

    [Property]
    public bool The_same_seed_draws_the_same_plan(int seed, byte[] traffic, byte[] alerts)
    {
        var a = InspectionPlan.Create(seed, Days(traffic), Days(alerts), ["G01", "G02"]);
        var b = InspectionPlan.Create(seed, Days(traffic), Days(alerts), ["G02", "G01"]);
        return a.RecordSamples == b.RecordSamples && a.StageSamples == b.StageSamples && a.NormalDays.SequenceEqual(b.NormalDays)
               && a.AlertDays.SequenceEqual(b.AlertDays) && a.Windows.SequenceEqual(b.Windows);
    }

    [Property]
    public bool A_plan_samples_what_spec_4_asks(int seed, byte[] traffic, byte[] alerts)
    {
        var trafficDays = Days(traffic);
        var alertDays = Days(alerts);
        var plan = InspectionPlan.Create(seed, trafficDays, alertDays, ["G01"]);
        var normalCandidates = trafficDays.Except(alertDays).Distinct().Count();
        return plan.RecordSamples is >= 5 and <= 10
               && plan.StageSamples is >= 5 and <= 10
               && plan.NormalDays.Count == Math.Min(normalCandidates, plan.NormalDays.Count) && plan.NormalDays.Count <= 5
               && (normalCandidates < 3 ? plan.NormalDays.Count == normalCandidates : plan.NormalDays.Count >= 3)
               && plan.NormalDays.All(d => trafficDays.Contains(d) && !alertDays.Contains(d))
               && alertDays.Distinct().All(plan.AlertDays.Contains)
               && (trafficDays.Count == 0 ? plan.Windows.Count == 0 : plan.Windows.Count is >= 2 and <= 3)
               && plan.Windows.All(w => w.Minutes is >= 5 and <= 10 && trafficDays.Contains(w.Day) && w.To.Date == w.From.Date);
    }

    [Fact]
    public void A_record_without_pictures_or_seal_is_named_incomplete()
    {
        var record = new SampledRecord(Guid.NewGuid(), "e1", "G01", "L1", 1, new DateTime(2026, 10, 1, 8, 0, 0), "冀B12345", "yellow", "H11", "cam-1", [], "");
        Assert.Equal(["无通行照片", "未封存（无记录哈希）"], RecordCheck.Problems(record));
        Assert.Empty(RecordCheck.Problems(record with { Pictures = ["sha256:ab"], RecordHash = new string('a', 64) }));
    }
}
