using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Reports;

/// <summary>Where reports land and how they are made. Bound from the <c>Reports</c> configuration section.</summary>
public sealed class ReportsOptions
{
    /// <summary>Folder the scheduled reports are written to (<c>Reports:Folder</c>), one sub-folder per enterprise:
    /// <c>{Folder}/{enterprise}/monthly-2026-10.html</c> (+ <c>.pdf</c>). Relative paths are under the working directory.</summary>
    [Required]
    public string Folder { get; set; } = "reports";

    /// <summary>Optional folder of templates that override the built-in ones by file name
    /// (<c>monthly.html.sbn</c>, <c>weekly.html.sbn</c>, <c>self-assessment.html.sbn</c>).</summary>
    public string? TemplateFolder { get; set; }

    /// <summary>Chromium executable that prints the PDF; empty: <c>chromium</c>, <c>chromium-browser</c> or
    /// <c>google-chrome</c> found on PATH. None found: the HTML is still written and the log says why there is no PDF.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>Seconds Chromium may take to print one report.</summary>
    [Range(5, 600)]
    public int PdfTimeoutSeconds { get; set; } = 60;

    /// <summary>Rating rule set the reports judge by (<c>dataplatform rating rules</c> lists them); empty: the rating
    /// service's default.</summary>
    public string? RatingRules { get; set; }

    /// <summary>False leaves the Quartz jobs out (on-demand rendering still works).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Monthly report schedule, Quartz cron in China time: 06:00 on the 1st for the month before.</summary>
    [Required]
    public string MonthlyCron { get; set; } = "0 0 6 1 * ?";

    /// <summary>Weekly digest schedule, Quartz cron in China time: Monday 06:30 for the week before.</summary>
    [Required]
    public string WeeklyCron { get; set; } = "0 30 6 ? * MON";

    /// <summary>A claim younger than this blocks another instance; an older claim without an outcome is taken to
    /// be a crashed run and may be taken over.</summary>
    [Range(1, 1440)]
    public int ClaimTimeoutMinutes { get; set; } = 30;

    /// <summary>Milliseconds an instance waits after writing its claim before it reads the claims back, so a
    /// competing instance's claim written at the same moment is visible when the earliest one is chosen.</summary>
    [Range(0, 60_000)]
    public int ClaimSettleMs { get; set; } = 1000;
}
