using System.Globalization;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Processing.Sealing;

namespace DataPlatform.Processing.Integrity;

/// <summary>The bilingual (中文 / English) text of a verification report, one finding per line, so an inspector
/// reads it and a script can grep it.</summary>
public static class VerificationReportText
{
    public static void Write(LedgerVerificationReport report, TextWriter output)
    {
        var range = report.From is { } f && report.To is { } t
            ? $"{ChainHeadTable.Day(f)} .. {ChainHeadTable.Day(t)}"
            : "无数据 no data";
        output.WriteLine($"台账防篡改校验 Ledger verification: {report.Ledger} {range}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"检查链 chains checked: {report.Chains}  检查记录 records checked: {report.Records}"));
        if (report.RetentionMonths is { } months && report.RetainedFrom is { } retainedFrom)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"保留期限 retention: {months} 个月 months; {ChainHeadTable.Day(retainedFrom)} 之前的记录可能已按保留期限删除 (older rows may have been deleted by retention)"));
            if (report.Expired.Count > 0)
            {
                var days = report.Expired.Select(e => e.Chain.ChinaDate).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"按保留期限删除，非篡改 explained by retention, not tampering: {report.Expired.Count(e => e.Kind == ChainFindingKind.Removed)} 条记录已删除 records deleted, "
                    + $"{report.Expired.Count(e => e.Kind == ChainFindingKind.Inserted)} 条记录的链头已删除 records whose chain head was deleted "
                    + $"({ChainHeadTable.Day(days.Min())} .. {ChainHeadTable.Day(days.Max())})"));
            }
        }
        if (report.IsIntact)
        {
            output.WriteLine("结果 result: 完好 intact");
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"结果 result: 发现 {report.Findings.Count} 处问题 {report.Findings.Count} finding(s)"));
        foreach (var finding in report.Findings)
            output.WriteLine(Line(finding));
    }

    public static string Line(ChainFinding finding) => string.Create(CultureInfo.InvariantCulture,
        $"  {Name(finding.Kind)}  链 chain {finding.Chain}  序号 seq {(finding.Sequence is { } s ? s.ToString(CultureInfo.InvariantCulture) : "-")}  记录 record {finding.RecordId ?? "-"}  {finding.Detail}");

    private static string Name(ChainFindingKind kind) => kind switch
    {
        ChainFindingKind.Altered => "篡改 altered",
        ChainFindingKind.Removed => "删除 removed",
        ChainFindingKind.Inserted => "插入 inserted",
        ChainFindingKind.HeadMismatch => "链头不符 head-mismatch",
        _ => kind.ToString(),
    };
}
