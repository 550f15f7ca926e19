namespace DataPlatform.Rating.Waybills;

/// <summary>One checked row of a waybill / belt-scale export: a clean-mode shipment on a China calendar day.</summary>
/// <remarks>
/// <para><paramref name="Line"/>: 1-based line (CSV) or row (xlsx) number in the file, header included.</para>
/// <para><paramref name="Tonnes"/>: &gt; 0, at most 3 decimals (kilogram precision).</para>
/// </remarks>
public sealed record WaybillRow(int Line, DateOnly Date, string Mode, string Direction, string Material, decimal Tonnes, string Reference);

/// <summary>A row that was refused, with why (Chinese, then English).</summary>
public sealed record WaybillRowError(int Line, string Reason);

/// <summary>The outcome of checking a whole file: either every row, or every bad row with why — never a mix.</summary>
public sealed record WaybillParseResult(IReadOnlyList<WaybillRow> Rows, IReadOnlyList<WaybillRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
