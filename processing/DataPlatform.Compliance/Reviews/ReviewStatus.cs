namespace DataPlatform.Compliance.Reviews;

/// <summary>Where a passage stands in manual review. Only <see cref="None"/>, <see cref="Approved"/> and
/// <see cref="Corrected"/> passages count as certain (regulator upload, rating figures); a pending one is recorded
/// but held back, a rejected one is kept for the record and never counted.</summary>
public enum ReviewStatus
{
    /// <summary>Never flagged nor reviewed: the read was certain.</summary>
    None = 0,

    /// <summary>待审核: flagged (low confidence, conflicting sources, confusable look-alike), no action yet.</summary>
    Pending = 1,

    /// <summary>已确认: a reviewer confirmed the recorded values.</summary>
    Approved = 2,

    /// <summary>已更正: a reviewer corrected plate, colour or vehicle type.</summary>
    Corrected = 3,

    /// <summary>已驳回: not a vehicle passage, or a duplicate of another.</summary>
    Rejected = 4,
}

public static class ReviewStatusText
{
    extension(ReviewStatus status)
    {
        /// <summary>The stored form: none | pending | approved | corrected | rejected.</summary>
        public string WireName => status.ToString().ToLowerInvariant();

        public string ChineseName => status switch
        {
            ReviewStatus.None => "无需审核",
            ReviewStatus.Pending => "待审核",
            ReviewStatus.Approved => "已确认",
            ReviewStatus.Corrected => "已更正",
            ReviewStatus.Rejected => "已驳回",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a review status"),
        };

        /// <summary>Counted in the regulator upload and the rating figures.</summary>
        public bool IsCertain => status is ReviewStatus.None or ReviewStatus.Approved or ReviewStatus.Corrected;
    }
}
