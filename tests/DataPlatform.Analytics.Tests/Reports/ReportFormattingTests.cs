using DataPlatform.Reports.Model;
using DataPlatform.Reports.Templates;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.Reports;

public class ReportFormattingTests
{
    [Fact]
    public void A_ratio_without_a_denominator_shows_a_dash_never_zero_percent()
    {
        Assert.Equal("—", Formatting.Percent(null));
        Assert.Equal("95.0%", Formatting.Percent(0.95));
        Assert.Equal("1,234,567", Formatting.Count(1234567L));
    }

    [Theory]
    [InlineData("6", "6"), InlineData("6b", "6"), InlineData("D", "D"), InlineData("5", "5"), InlineData("4", "4"),
     InlineData("3", "0-3"), InlineData("0", "0-3"), InlineData("", "?"), InlineData("X", "?"), InlineData("bogus", "?")]
    public void Register_stages_fall_into_the_report_s_groups(string stage, string group) =>
        Assert.Equal(group, VehicleClasses.StageGroup(stage));

    [Property]
    public bool Stage_shares_are_in_0_1_and_sum_to_one_when_there_are_entries(byte[] counts)
    {
        var rows = counts.Select((c, i) => (VehicleClasses.StageGroups[i % VehicleClasses.StageGroups.Count].Code, (long)c));
        var shares = VehicleClasses.Shares(rows, VehicleClasses.StageGroups);
        var total = counts.Sum(c => (long)c);
        return shares.All(s => s.Share is >= 0 and <= 1)
               && (total == 0 ? shares.All(s => s.Share == 0) : Math.Abs(shares.Sum(s => s.Share) - 1) < 1e-9)
               && shares.Sum(s => s.Count) == total;
    }
}
