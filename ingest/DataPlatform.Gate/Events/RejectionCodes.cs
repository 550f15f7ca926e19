namespace DataPlatform.Gate;

/// <summary>The stable codes of <see cref="Rejection"/>; dashboards and dead-letter queries group by them.</summary>
public static class RejectionCodes
{
    /// <summary>Not UTF-8, not JSON, not an object, nested too deep, or trailing content.</summary>
    public const string BadJson = "bad_json";

    /// <summary>Input larger than the size limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A required field is absent or null.</summary>
    public const string MissingField = "missing_field";

    /// <summary>The same field appears twice; which one wins would be a guess.</summary>
    public const string DuplicateField = "duplicate_field";

    /// <summary>A field has the wrong JSON type, length, characters or range.</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>The plate does not follow the plate grammar.</summary>
    public const string InvalidPlate = "invalid_plate";

    /// <summary>A code-table field (direction, plateColor, vehicleType) has a value not in its table.</summary>
    public const string UnknownCode = "unknown_code";

    /// <summary>passTime is malformed, lacks an offset, is before 2000 or more than a day ahead of the clock.</summary>
    public const string InvalidTime = "invalid_time";
}
